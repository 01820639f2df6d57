// The report's only script: sortable table columns. Everything is readable without it (tables come in a sensible
// order, sections open and close with <details>), so it only adds a button to each heading of a sortable table.
// Its hash goes into the Content-Security-Policy, which allows nothing else to run or load.
import { createHash } from "node:crypto";

export const SCRIPT = `(function () {
  "use strict";
  function key(cell) {
    var text = cell.textContent.trim();
    var n = Number(text.replace(/[,%\\s]/g, "").replace(/^\\u2212/, "-"));
    return text !== "" && !isNaN(n) ? { n: n, t: text } : { n: null, t: text.toLowerCase() };
  }
  function compare(a, b) {
    if (a.n !== null && b.n !== null) return a.n - b.n;
    if (a.n !== null) return -1;
    if (b.n !== null) return 1;
    return a.t < b.t ? -1 : a.t > b.t ? 1 : 0;
  }
  function sort(table, th, column) {
    var order = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
    th.setAttribute("aria-sort", order);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
      return { row: row, key: key(row.cells[column]), index: index };
    });
    rows.sort(function (a, b) {
      var c = compare(a.key, b.key);
      return (order === "ascending" ? c : -c) || a.index - b.index;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
  }
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.title = "Sort by this column";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sort(table, th, column); });
    });
  });
})();`;

/** The CSP source for the script above: 'sha256-…' of its exact text. */
export const SCRIPT_HASH = `'sha256-${createHash("sha256").update(SCRIPT).digest("base64")}'`;
