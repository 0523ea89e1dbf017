// Draws the small charts: produce rate per topic (overview) and a group's lag trend. Data comes with the page.
(function () {
  function draw(root) {
    var rates = root.querySelector('#rates');
    var lag = root.querySelector('#lag');
    var data = {};
    if (rates) { data = JSON.parse(rates.textContent || '{}'); }
    if (lag) { data.lag = JSON.parse(lag.textContent || '{}'); }
    root.querySelectorAll('.chart').forEach(function (el) {
      var series = data[el.getAttribute('data-series')];
      el.innerHTML = '';
      if (!series || !series.times || series.times.length < 2 || typeof uPlot === 'undefined') {
        el.textContent = 'collecting samples…';
        return;
      }
      var label = el.getAttribute('data-chart') === 'lag' ? 'lag' : 'records/s';
      new uPlot({ width: 420, height: 120, legend: { show: false },
        series: [{}, { label: label, stroke: '#2463c7', fill: 'rgba(36,99,199,.1)' }] },
        [series.times, series.values], el);
    });
  }
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSwap', function () { draw(document); });
})();
