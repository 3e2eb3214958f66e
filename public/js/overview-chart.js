/*
 * The overview page's chart: tasks assigned and tasks completed, cumulative, day by day. Chart.js is loaded before
 * this script as the global `Chart` (its UMD bundle, from this server); the <canvas data-overview-chart="…"> names
 * the <script type="application/json"> holding the labels and the two series. The table below it holds the same figures.
 */
(function () {
  'use strict';

  var Chart = window.Chart;
  if (!Chart) return;

  var canvases = document.querySelectorAll('canvas[data-overview-chart]');
  for (var i = 0; i < canvases.length; i++) {
    var canvas = canvases[i];
    var source = document.getElementById(canvas.getAttribute('data-overview-chart'));
    if (!source) continue;
    var data = JSON.parse(source.textContent);
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (set) {
          return { label: set.label, data: set.values, borderColor: set.color, backgroundColor: set.color, stepped: true, pointRadius: 2 };
        }),
      },
      options: {
        animation: false,
        responsive: true,
        // Wider than tall: a line over days reads better so than in the canvas's default proportions.
        aspectRatio: 2.5,
        interaction: { mode: 'index', intersect: false },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: true } },
      },
    });
  }
})();
