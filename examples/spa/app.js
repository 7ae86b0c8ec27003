// A tiny single-page app with a Vue-Router-like history: each navigation calls
// replaceState (saving scroll position) and then pushState, as Vue Router 4 does.
const views = {
  '/spa/': ['Home', 'Welcome to the example single-page app.'],
  '/spa/pricing': ['Pricing', 'Free for everyone. Self-hosted.'],
  '/spa/docs': ['Docs', 'Add one script tag and you are done.'],
};

function render() {
  const [title, text] = views[location.pathname] || ['Not found', 'No such page.'];
  document.title = `${title} · Sightline SPA`;
  const view = document.getElementById('view');
  view.replaceChildren();
  const h1 = document.createElement('h1');
  h1.textContent = title;
  const p = document.createElement('p');
  p.textContent = text;
  view.append(h1, p);
}

function navigate(path) {
  history.replaceState({ ...history.state, scroll: scrollY }, '', location.href);
  history.pushState({ scroll: 0 }, '', path);
  render();
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-route]');
  if (!link) return;
  event.preventDefault();
  navigate(link.getAttribute('href'));
});
window.addEventListener('popstate', render);

document.getElementById('throw').addEventListener('click', () => {
  throw new Error('Example failure: cart is undefined');
});
document.getElementById('reject').addEventListener('click', () => {
  Promise.reject(new Error('Example rejection: payment service unavailable'));
});
document.getElementById('signup').addEventListener('click', () => {
  window.sightline && window.sightline.track('signup', { plan: 'free' });
});

const long = document.getElementById('long');
for (let i = 1; i <= 60; i++) {
  const p = document.createElement('p');
  p.textContent = `Paragraph ${i}: a long page to scroll through.`;
  long.append(p);
}
render();
