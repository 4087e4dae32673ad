// journeymap site: search and filters on the index, heat metric of the matrix, Escape to
// close a tooltip. Pages read fully without it; nothing here loads anything.
(function () {
  "use strict";
  function norm(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function setUpFilters() {
    var form = document.getElementById("filters");
    var table = document.getElementById("journeys");
    if (!form || !table) return;
    form.hidden = false;
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var texts = rows.map(function (row) { return norm(row.getAttribute("data-text") || ""); });
    var count = document.getElementById("count");
    var query = document.getElementById("q");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    function apply() {
      var words = norm(query.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, index) {
        var ok = words.every(function (w) { return texts[index].indexOf(w) >= 0; });
        selects.forEach(function (select) {
          if (!ok || !select.value) return;
          var field = select.getAttribute("data-field");
          var value = row.getAttribute("data-" + field) || "";
          ok = (field === "channels" || field === "stages")
            ? value.indexOf(" " + select.value + " ") >= 0
            : value === select.value;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown + " " + count.getAttribute("data-of") + " " + rows.length +
        " " + count.getAttribute("data-shown");
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }
  function setUpMatrices() {
    Array.prototype.forEach.call(document.querySelectorAll(".metric-choice"), function (p) {
      var select = p.querySelector("select");
      var table = document.getElementById(select.getAttribute("data-matrix"));
      if (!table) return;
      p.hidden = false;
      select.addEventListener("change", function () {
        table.setAttribute("data-metric", select.value);
      });
    });
  }
  function setUpTips() {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") document.body.classList.add("tip-off");
    });
    document.addEventListener("focusin", function () { document.body.classList.remove("tip-off"); });
    document.addEventListener("mouseover", function () { document.body.classList.remove("tip-off"); });
  }
  setUpFilters();
  setUpMatrices();
  setUpTips();
})();
