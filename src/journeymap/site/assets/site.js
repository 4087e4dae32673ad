// journeymap site: search and filters on the index, heat metric of the matrix, Escape to
// close a tooltip, a wide map printed in runs of steps. Pages read fully without it; nothing here loads anything.
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
    var fields = [query].concat(selects);
    // The filters live in the address (?q=...&channel=...), so that a filtered list can be
    // bookmarked or sent as a link, and Back returns to it.
    function fromAddress() {
      var params = new URLSearchParams(window.location.search);
      fields.forEach(function (field) {
        var value = params.get(field.name) || "";
        if (field.tagName === "SELECT" &&
            !Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
          value = "";
        }
        field.value = value;
      });
    }
    function toAddress() {
      var params = new URLSearchParams();
      fields.forEach(function (field) { if (field.value) params.set(field.name, field.value); });
      var search = params.toString();
      try {
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
      } catch (error) { /* a browser that refuses it on file:// keeps the filters unshared */ }
    }
    function apply() {
      var words = norm(query.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, index) {
        var ok = words.every(function (w) { return texts[index].indexOf(w) >= 0; });
        selects.forEach(function (select) {
          if (!ok || !select.value) return;
          var field = select.getAttribute("data-field");
          var value = row.getAttribute("data-" + field) || "";
          // a channel or stage choice is every id that carries its name
          ok = (field === "channels" || field === "stages")
            ? select.value.split(" ").some(function (id) { return value.indexOf(" " + id + " ") >= 0; })
            : value === select.value;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown + " " + count.getAttribute("data-of") + " " + rows.length +
        " " + count.getAttribute("data-shown");
    }
    function changed() {
      apply();
      toAddress();
    }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      fields.forEach(function (field) { field.value = ""; });
      changed();
      query.focus();
    });
    fromAddress();
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
  // A tooltip lives in its table's scroll box, which cut the one of a cell in the last row
  // or the last column: it opens above, or leftwards, when there is no room.
  function placeTip(target) {
    var cell = target && target.closest ? target.closest("td.tp, .matrix li") : null;
    var tip = cell ? cell.querySelector(".tip") : null;
    var box = cell ? cell.closest(".scroll") : null;
    if (!tip || !box) return;
    tip.classList.remove("tip-up", "tip-left");
    var room = box.getBoundingClientRect();
    var placed = tip.getBoundingClientRect();
    var at = cell.getBoundingClientRect();
    if (placed.bottom > room.bottom && at.top - room.top > room.bottom - at.bottom) tip.classList.add("tip-up");
    if (placed.right > room.right) tip.classList.add("tip-left");
  }
  function setUpTips() {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") document.body.classList.add("tip-off");
    });
    document.addEventListener("focusin", function (event) {
      document.body.classList.remove("tip-off");
      placeTip(event.target);
    });
    document.addEventListener("mouseover", function (event) {
      document.body.classList.remove("tip-off");
      placeTip(event.target);
    });
  }
  // Keep `column 0` (the row names) and the columns [from, to) of a map's copy.
  function clip(table, from, to) {
    Array.prototype.forEach.call(table.rows, function (row) {
      var column = 0;
      Array.prototype.slice.call(row.cells).forEach(function (cell) {
        var start = column;
        column += cell.colSpan || 1;
        if (start === 0) return;
        var kept = Math.min(column, to) - Math.max(start, from);
        if (kept <= 0) {
          cell.remove();
        } else {
          cell.colSpan = kept;
          if (start < from) cell.classList.add("continued");
        }
      });
    });
    Array.prototype.forEach.call(table.querySelectorAll("[id]"), function (e) { e.removeAttribute("id"); });
  }
  // Paper does not scroll: a journey page printed as it is (Ctrl-P) squeezed a map of 17
  // steps into the sheet's width, a word a line, each channel row a page. Just before
  // printing, the map is shown as runs of at most `data-print-columns` steps (the print
  // view's width), and put back after.
  function setUpPrint() {
    var made = [];
    window.addEventListener("beforeprint", function () {
      if (made.length) return;
      Array.prototype.forEach.call(document.querySelectorAll("table.map[data-print-columns]"), function (table) {
        var steps = table.querySelector("tr.steps");
        var count = steps ? steps.cells.length - 1 : 0;
        var size = parseInt(table.getAttribute("data-print-columns"), 10);
        if (!(size > 0) || count <= size) return;
        size = Math.ceil(count / Math.ceil(count / size));  // even runs: 17 are 6, 6, 5
        var box = table.parentNode;
        var parts = document.createElement("div");
        parts.className = "print-parts";
        for (var start = 0; start < count; start += size) {
          var copy = table.cloneNode(true);
          copy.removeAttribute("data-print-columns");
          clip(copy, start + 1, start + size + 1);
          parts.appendChild(copy);
        }
        box.parentNode.insertBefore(parts, box.nextSibling);
        box.classList.add("printed-in-parts");
        made.push(parts);
      });
    });
    window.addEventListener("afterprint", function () {
      made.forEach(function (parts) {
        parts.previousSibling.classList.remove("printed-in-parts");
        parts.remove();
      });
      made = [];
    });
  }
  setUpFilters();
  setUpMatrices();
  setUpTips();
  setUpPrint();
})();
