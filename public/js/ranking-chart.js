/*
 * The ranking pages' charts: a bar chart of the totals (a campaign's ranking) or a line chart of a unit's totals over
 * the years. Chart.js is loaded before this script as the global `Chart` (its UMD bundle, from this server); each
 * <canvas data-chart="…"> names the <script type="application/json"> holding its kind, labels, values and label.
 */
(function () {
  'use strict';

  var Chart = window.Chart;
  if (!Chart) return;

  var canvases = document.querySelectorAll('canvas[data-chart]');
  for (var i = 0; i < canvases.length; i++) {
    var canvas = canvases[i];
    var source = document.getElementById(canvas.getAttribute('data-chart'));
    if (!source) continue;
    var data = JSON.parse(source.textContent);
    new Chart(canvas, {
      type: data.kind,
      data: {
        labels: data.labels,
        datasets: [{ label: data.label, data: data.values, backgroundColor: '#0b4f8a', borderColor: '#0b4f8a', tension: 0.2 }],
      },
      options: {
        animation: false,
        responsive: true,
        scales: { y: { beginAtZero: data.kind === 'bar' } },
        plugins: { legend: { display: false } },
      },
    });
  }
})();
