/* global document, localStorage, location, matchMedia */
// Runs before the first paint, from <head> (a file, not inline: the Content Security Policy allows no inline script).
// 1. The theme, so the page never flashes the other one: the saved choice, else the system preference (the same rule
//    and storage key as src/lib/theme.ts).
// 2. Which page the static shell in index.html stands for: on `/` it shows the marketplace heading, elsewhere only
//    the header and navigation, so it never shows a heading the page will not have.
(function () {
  var root = document.documentElement;
  var saved = null;
  try {
    saved = localStorage.getItem('og-marketplace:theme');
  } catch {
    // No storage (private mode, blocked): the system preference decides.
  }
  var dark = saved ? saved === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  root.classList.toggle('dark', dark);
  root.style.colorScheme = dark ? 'dark' : 'light';
  if (location.pathname === '/') root.setAttribute('data-shell', 'marketplace');
})();
