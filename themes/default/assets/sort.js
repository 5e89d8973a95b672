// Sorting the roll-up's tables (progressive enhancement: the table reads in full without it). Each heading with
// data-sort becomes a button; a click sorts the rows by that column (a cell's data-value when it has one, else its
// text; numbers as numbers, text in Vietnamese order), a second click reverses; aria-sort says which way.
(function () {
  "use strict";
  var collator = new Intl.Collator(document.documentElement.lang || "vi", { numeric: true, sensitivity: "base" });
  function value(row, i) {
    var cell = row.cells[i];
    if (!cell) return "";
    return cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, i) {
      var kind = th.getAttribute("data-sort");
      if (!kind) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a, i), y = value(b, i);
          var c = kind === "number" ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : collator.compare(x, y);
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
