/* global document, performance, PerformanceObserver, setTimeout */
// Starts the app once the static shell has painted, so the first paint waits for the HTML, the CSS and
// first-paint.js only, and the app's code does not compete with them for the connection. build/deferred-start.ts
// puts this file in the built index.html in place of the entry script, with the entry and its static imports in
// data attributes.
(function () {
  var tag = document.currentScript;
  var entry = tag.getAttribute('data-entry');
  var preload = (tag.getAttribute('data-preload') || '').split(' ').filter(Boolean);
  var started = false;

  function start() {
    if (started) return;
    started = true;
    preload.forEach(function (href) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.appendChild(link);
    });
    var script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = entry;
    document.head.appendChild(script);
  }

  var painted = function (entries) {
    return entries.some(function (e) {
      return e.name === 'first-contentful-paint';
    });
  };
  var canObserve =
    typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes.includes('paint');
  // A hidden tab does not paint, and a browser that cannot say when it painted gets no wait.
  if (document.visibilityState !== 'visible' || !canObserve || painted(performance.getEntriesByType('paint'))) {
    start();
    return;
  }
  new PerformanceObserver(function (list, observer) {
    if (!painted(list.getEntries())) return;
    observer.disconnect();
    start();
  }).observe({ type: 'paint', buffered: true });
  // Whatever happens to the paint, the app starts.
  setTimeout(start, 3000);
})();
