// Draws the service report's charts from the figures the page carries (data-chart on each canvas).
(function () {
  'use strict';
  var COLOURS = ['#1f5fbf', '#c2410c', '#1d7a46', '#7c3aed', '#9a6700', '#0e7490'];
  function draw(canvas) {
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    var line = spec.kind === 'line';
    return new Chart(canvas, {
      type: spec.kind,
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (series, index) {
          var colour = COLOURS[index % COLOURS.length];
          return {
            label: series.label, data: series.values, borderColor: colour,
            backgroundColor: line ? colour : colour + 'cc', spanGaps: true, pointRadius: line ? 3 : 0
          };
        })
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom' } },
        scales: { y: { beginAtZero: true, ticks: spec.whole ? { precision: 0 } : {}, title: { display: true, text: spec.axis } } }
      }
    });
  }
  document.querySelectorAll('canvas[data-chart]').forEach(draw);
})();
