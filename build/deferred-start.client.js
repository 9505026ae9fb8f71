/* global document, location, performance, PerformanceObserver, setTimeout */
// Starts the app once the static shell has painted, so the first paint waits for the HTML, the CSS and
// first-paint.js only, and the app's code does not compete with them for the connection. build/deferred-start.ts
// puts this file in the built index.html in place of the entry script, with the entry and its static imports in
// data attributes.
(function () {
  var tag = document.currentScript;
  var entry = tag.getAttribute('data-entry');
  var list = function (name) {
    return (tag.getAttribute(name) || '').split(' ').filter(Boolean);
  };
  var preload = list('data-preload');
  // The front page's own chunks, fetched with the entry's on `/`, where the first render needs them.
  var front = list('data-front');
  var started = false;

  // A few preload links per task: each one costs the main thread a moment, and twenty in one go would be a long task
  // on a phone. The entry goes first, so its download starts at once.
  var BATCH = 4;
  function addPreloads(hrefs) {
    hrefs.slice(0, BATCH).forEach(function (href) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.appendChild(link);
    });
    if (hrefs.length > BATCH)
      setTimeout(function () {
        addPreloads(hrefs.slice(BATCH));
      }, 0);
  }

  function start() {
    if (started) return;
    started = true;
    var script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = entry;
    document.head.appendChild(script);
    addPreloads(location.pathname === '/' ? preload.concat(front) : preload);
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
