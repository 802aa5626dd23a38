// Draws each chart of the overview from the table beside it, so what is drawn is exactly
// what a screen reader reads. Only cells with a number (data-value) are drawn: a "< 5" or
// "≥ n" cell is no number to the reader.
(function () {
  "use strict";
  function numbers(row, count) {
    var cells = Array.prototype.slice.call(row.querySelectorAll("td"), 0, count);
    return cells.map(function (td) {
      return td.dataset.value === undefined ? null : parseFloat(td.dataset.value);
    });
  }
  function draw(spec) {
    var canvas = document.getElementById(spec.id);
    var table = document.getElementById(spec.table);
    if (!canvas || !table || !window.Chart) { return; }
    var rows = Array.prototype.filter.call(table.tBodies[0].rows, function (row) {
      return !row.classList.contains("total-row");
    });
    var palette = ["#154273", "#8fa9c4", "#d4520f", "#39870c", "#a90061", "#777c00", "#01689b"];
    var datasets = rows.map(function (row, i) {
      return {
        label: row.querySelector("th").textContent.trim(),
        data: numbers(row, spec.columns.length),
        backgroundColor: palette[i % palette.length],
        borderColor: palette[i % palette.length],
        spanGaps: true
      };
    });
    new window.Chart(canvas, {
      type: spec.kind,
      data: { labels: spec.columns, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: spec.kind === "bar" ? { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } : { y: { beginAtZero: true } }
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var data = document.getElementById("overview-charts");
    if (data) { JSON.parse(data.textContent).forEach(draw); }
  });
})();
