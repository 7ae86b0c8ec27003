// Arrives late (the example server delays it), then fails the way real widgets do.
document.getElementById('status').textContent = 'Widget loaded.';
document.getElementById('broken').addEventListener('click', () => {
  const figures = undefined;
  return figures.total; // TypeError on every click: one error group with a count
});
setTimeout(() => {
  throw new Error('Widget: figures endpoint returned 500');
}, 0);
