/**
 * The dashboard's two HTML documents: the sign-in form (works without script) and the app
 * shell that `client/main.ts` fills. Neither carries data from events, nor any inline script.
 */
import type { Assets } from './assets.js';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function head(assets: Assets, title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/dashboard/assets/app.css?v=${assets['app.css'].hash}">
`;
}

/** `query` is the page's own query string (kept through sign-in so a shared link still works). */
export function renderSignIn(assets: Assets, { query, failed }: { query: string; failed: boolean }): string {
  const action = `/dashboard/login${query ? `?${query}` : ''}`;
  return `${head(assets, 'Sign in · Sightline')}</head>
<body class="signin">
<main>
<form method="post" action="${escapeHtml(action)}" class="card">
<h1>Sightline</h1>
<label for="token">Admin token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
${failed ? '<p class="error" role="alert">That token is not valid.</p>\n' : ''}<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>
`;
}

export function renderApp(assets: Assets): string {
  return `${head(assets, 'Sightline')}<script defer src="/dashboard/assets/app.js?v=${assets['app.js'].hash}"></script>
</head>
<body>
<a class="skip" href="#view">Skip to the report</a>
<header class="bar">
<a class="brand" href="/dashboard">Sightline</a>
<div id="controls" class="controls"></div>
<form method="post" action="/dashboard/logout"><button type="submit" class="quiet">Sign out</button></form>
</header>
<nav id="tabs" class="tabs" role="tablist" aria-label="Reports"></nav>
<div id="chips" class="chips" aria-label="Filters"></div>
<p id="status" class="status" role="status" aria-live="polite"></p>
<main id="view" tabindex="-1"><noscript>The dashboard needs JavaScript; the API does not.</noscript></main>
</body>
</html>
`;
}
