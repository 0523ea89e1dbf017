// The web traffic page: draws a route's charts and the error share over time with uPlot, from the JSON each fragment
// carries, when the page loads and whenever htmx swaps a fragment in. Not inline: the pages keep scripts in files.
(function () {
  function plot(el, title, columns, series) {
    var width = Math.min(900, el.clientWidth || 900);
    var holder = document.createElement('div');
    el.appendChild(holder);
    new uPlot({ width: width, height: 160, title: title, series: [{}].concat(series) }, columns, holder);
  }

  function route(data, el) {
    plot(el, 'calls', [data.times, data.calls], [{ label: 'calls', stroke: '#2463c7', width: 2 }]);
    plot(el, 'error share %', [data.times, data.errorPercent], [{ label: 'error share %', stroke: '#c7243a', width: 2 }]);
    plot(el, 'latency ms', [data.times, data.p50, data.p99],
      [{ label: 'p50', stroke: '#1f8a4c' }, { label: 'p99', stroke: '#b8741a', width: 2 }]);
  }

  function errors(data, el) {
    plot(el, 'error share %', [data.times, data.errorPercent], [{ label: 'error share %', stroke: '#c7243a', width: 2 }]);
    plot(el, 'calls', [data.times, data.calls], [{ label: 'calls', stroke: '#2463c7' }]);
  }

  function draw() {
    if (typeof uPlot === 'undefined') { return; }
    document.querySelectorAll('script.web-data:not([data-drawn])').forEach(function (script) {
      script.setAttribute('data-drawn', 'true');
      var el = document.querySelector('[data-web-chart="' + script.getAttribute('data-for') + '"]');
      if (!el) { return; }
      var data = JSON.parse(script.textContent || '{}');
      el.innerHTML = '';
      if (!data.times || data.times.length < 2) { el.textContent = 'not enough points for a chart yet'; return; }
      if (script.getAttribute('data-for') === 'route') { route(data, el); } else { errors(data, el); }
    });
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
})();
