/**
 * One visit as a person makes it, in a headful Chromium under Xvfb that no automation
 * protocol drives: the blog's home page (wander, scroll, click the post's link), the post
 * (read, scroll), then the sign-up form typed in the address bar (click each field, type,
 * tick the box, submit), the welcome page, and back (Alt+Left), so every page view is
 * left and its summary sent. Element positions come from the layout oracle; the window's
 * content offset from the viewport the SDK reported.
 */
import { createPerson } from './createPerson.mjs';
import { launchPlainChromium } from './launchPlainChromium.mjs';
import { xdotool } from './xdotool.mjs';

/**
 * @param {{
 *   display: string,
 *   examplesUrl: string,
 *   oracle: Awaited<ReturnType<import('./layoutOracle.mjs').createLayoutOracle>>,
 *   random: ReturnType<import('./humanMotion.mjs').createRandom>,
 *   viewportOfFirstPageview(): Promise<string>,
 *   allPagesLeft(): Promise<void>,
 * }} options
 * `viewportOfFirstPageview` resolves with the `WxH` viewport of this visit's session (from
 * the API); `allPagesLeft` once the summaries of its four page views arrived.
 */
export async function browseLikeAPerson({
  display,
  examplesUrl,
  oracle,
  random,
  viewportOfFirstPageview,
  allPagesLeft,
}) {
  const browser = await launchPlainChromium({
    display,
    url: `${examplesUrl}blog/`,
    title: 'Home · The Sightline Blog',
  });
  try {
    const [width, height] = (await viewportOfFirstPageview()).split('x').map(Number);
    const viewport = { width, height };
    const geometry = await xdotool(display, ['getwindowgeometry', '--shell', browser.window]);
    const win = Object.fromEntries([...geometry.matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1], Number(m[2])]));
    // The browser's own toolbars sit above the page.
    const origin = { x: win.X + Math.round((win.WIDTH - width) / 2), y: win.Y + win.HEIGHT - height };
    const onScreen = (box) => ({ ...box, x: box.x + origin.x, y: box.y + origin.y });
    const boxes = async (path, selectors) => {
      const found = await oracle.boxes(examplesUrl + path, viewport, selectors);
      return Object.fromEntries(Object.entries(found).map(([k, b]) => [k, onScreen(b)]));
    };
    const person = await createPerson({ display, random });

    // Home: look around, scroll, open the post.
    const home = await boxes('blog/', ['h1', '#read-post']);
    await person.pause(400, 900);
    await person.moveTo({ x: home.h1.x + random.between(20, 200), y: home.h1.y + random.between(10, 80) });
    // Down and back to the top (the wheel stops there): the link is where the oracle saw it.
    await person.scroll(3);
    await person.scroll(-6);
    await person.click(home['#read-post']);
    await browser.waitForTitle('Counting people');

    // The post: read, scroll down and up.
    await person.pause(500, 1200);
    await person.moveTo({ x: origin.x + random.between(200, 600), y: origin.y + random.between(150, 400) });
    await person.scroll(4);
    await person.pause(300, 800);
    await person.scroll(-2);

    // The form, by address.
    await person.key('ctrl+l');
    await person.type(`${examplesUrl.replace(/^http:\/\//, '')}form/`);
    await person.key('Return');
    await browser.waitForTitle('Sign up');
    const form = await boxes('form/', ['#email', '#password', '#terms', '#submit']);
    await person.pause(400, 900);
    await person.click(form['#email']);
    await person.type(`ana${Math.floor(random.between(10, 99))}@mail.org`);
    await person.click(form['#password']);
    await person.type(`horse-${Math.floor(random.between(100, 999))}`);
    await person.click(form['#terms']);
    await person.click(form['#submit']);
    await browser.waitForTitle('Welcome');

    // Welcome page: a glance, then back, so the page view is left.
    await person.pause(300, 800);
    await person.moveTo({ x: origin.x + random.between(100, 500), y: origin.y + random.between(100, 300) });
    await person.key('alt+Left');
    await allPagesLeft();
  } finally {
    await browser.close();
  }
}
