/**
 * Referrer domains that name a channel, matched on the host and each parent domain
 * (`l.facebook.com` → `facebook.com`). Decisions: link aggregators and community sites
 * (Hacker News, Lobsters, Reddit) count as social, since people share and discuss there;
 * AI assistants (chatgpt.com, perplexity.ai …) and news aggregators are referrals; Mastodon
 * lists only the largest instances (most of its links send no referrer at all); webmail
 * counts as email. Android apps send `android-app://<package>/`: the few common ones are
 * listed by package name.
 */

export const SEARCH_DOMAINS: ReadonlySet<string> = new Set([
  'bing.com',
  'duckduckgo.com',
  'search.yahoo.com',
  'search.yahoo.co.jp',
  'baidu.com',
  'ya.ru',
  'ecosia.org',
  'qwant.com',
  'search.brave.com',
  'startpage.com',
  'search.naver.com',
  'search.seznam.cz',
  'ask.com',
  'search.aol.com',
  'kagi.com',
  'sogou.com',
  'so.com',
  'search.yahoo.net',
  'mojeek.com',
  'metager.org',
  'swisscows.com',
  'lite.duckduckgo.com',
  'com.google.android.googlequicksearchbox',
  'com.google.android.gm.search',
]);

/** Search engines on many country domains: `google.de`, `google.co.uk`, `yandex.com.tr`. */
export const SEARCH_HOST = /^(?:www\.|m\.)?(?:google|yandex)\.(?:[a-z]{2,3}|(?:co|com)\.[a-z]{2})$/;

export const SOCIAL_DOMAINS: ReadonlySet<string> = new Set([
  'facebook.com',
  'fb.com',
  'fb.me',
  'messenger.com',
  'instagram.com',
  't.co',
  'twitter.com',
  'x.com',
  'linkedin.com',
  'lnkd.in',
  'reddit.com',
  'redd.it',
  'youtube.com',
  'youtu.be',
  'pinterest.com',
  'pin.it',
  'tiktok.com',
  'threads.net',
  'threads.com',
  'bsky.app',
  'mastodon.social',
  'mastodon.online',
  'mstdn.social',
  'fosstodon.org',
  'hachyderm.io',
  'infosec.exchange',
  'news.ycombinator.com',
  'lobste.rs',
  'vk.com',
  'ok.ru',
  'weibo.com',
  't.me',
  'web.telegram.org',
  'wa.me',
  'web.whatsapp.com',
  'discord.com',
  'snapchat.com',
  'tumblr.com',
  'quora.com',
  'xing.com',
  'line.me',
  'twitch.tv',
  'com.facebook.katana',
  'com.instagram.android',
  'com.linkedin.android',
  'com.reddit.frontpage',
  'com.twitter.android',
  'com.zhiliaoapp.musically',
  'org.telegram.messenger',
]);

/** Pinterest has country domains too (`pinterest.de`, `pinterest.co.uk`). */
export const SOCIAL_HOST = /^(?:[a-z]{2}\.)?pinterest\.(?:[a-z]{2,3}|(?:co|com)\.[a-z]{2})$/;

export const EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'mail.google.com',
  'outlook.live.com',
  'outlook.office.com',
  'outlook.office365.com',
  'mail.yahoo.com',
  'mail.proton.me',
  'mail.aol.com',
  'mail.yandex.ru',
  'e.mail.ru',
  'com.google.android.gm',
  'com.microsoft.office.outlook',
]);

/** Click ids that ad networks append: the visit came from an ad. */
export const PAID_CLICK_IDS = [
  'gclid',
  'gbraid',
  'wbraid',
  'dclid',
  'msclkid',
  'yclid',
  'ttclid',
  'twclid',
  'li_fat_id',
  'epik',
  'ScCid',
];

/** Click ids added to every outbound link of a network (organic posts too): social, not paid. */
export const SOCIAL_CLICK_IDS = ['fbclid', 'igshid'];

/** Added by email tools to their links. */
export const EMAIL_CLICK_IDS = ['mc_eid', '_hsenc'];
