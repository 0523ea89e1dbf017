// The live page: keeps the pushed fraud-alert list bounded, and draws its charts (station, events per minute) with
// uPlot from the JSON each page or fragment carries. Not inline: the pages keep scripts in files.
(function () {
  var colours = ['#2463c7', '#c7243a', '#1f8a4c', '#b8741a', '#7a3cc7', '#3c9fc7'];

  function station(data, el) {
    var width = Math.min(900, el.clientWidth || 900);
    new uPlot({ width: width, height: 180, title: 'temperature °C (min, mean, max)',
      series: [{}, { label: 'min', stroke: '#3c9fc7' }, { label: 'mean', stroke: '#2463c7', width: 2 }, { label: 'max', stroke: '#c7243a' }] },
      [data.times, data.temperatureMin, data.temperatureMean, data.temperatureMax], el);
    new uPlot({ width: width, height: 180, title: 'humidity % (min, mean, max)',
      series: [{}, { label: 'min', stroke: '#3c9fc7' }, { label: 'mean', stroke: '#1f8a4c', width: 2 }, { label: 'max', stroke: '#b8741a' }] },
      [data.times, data.humidityMin, data.humidityMean, data.humidityMax], el);
  }

  function events(data, el) {
    var names = Object.keys(data.series || {});
    var columns = [data.times];
    var series = [{}];
    names.forEach(function (name, i) {
      columns.push(data.series[name]);
      series.push({ label: name, stroke: colours[i % colours.length], spanGaps: true });
    });
    new uPlot({ width: Math.min(900, el.clientWidth || 900), height: 200, series: series }, columns, el);
  }

  function draw(root) {
    if (typeof uPlot === 'undefined') { return; }
    root.querySelectorAll('script.live-data').forEach(function (script) {
      var el = document.querySelector('[data-live-chart="' + script.getAttribute('data-for') + '"]');
      if (!el) { return; }
      var data = JSON.parse(script.textContent || '{}');
      el.innerHTML = '';
      if (!data.times || data.times.length < 2) { el.textContent = 'not enough points for a chart yet'; return; }
      if (script.getAttribute('data-for') === 'station') { station(data, el); } else { events(data, el); }
    });
  }

  // A page left open for days must not grow: the list keeps what the server keeps.
  function trim(list) {
    var keep = parseInt(list.getAttribute('data-keep') || '50', 10);
    while (list.children.length > keep) { list.removeChild(list.lastElementChild); }
  }

  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSwap', function (event) { draw(event.target); });
  document.addEventListener('htmx:sseMessage', function (event) {
    var list = document.getElementById('fraud-alerts');
    if (list) { trim(list); }
  });
})();
