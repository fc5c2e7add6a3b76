// Sortable and filterable tables. Progressive enhancement: without JavaScript the server's order
// stands. Mark a table with data-sorteerbaar; give a <input data-tabelfilter="ID"> to filter the
// rows of table#ID. Cells may carry data-waarde for a sort key (dates, numbers).
(function () {
  "use strict";

  function sleutel(cel) {
    var w = cel.getAttribute("data-waarde");
    if (w === null) w = cel.textContent.trim();
    var n = w.replace(/\./g, "").replace(",", ".").replace(/[%\s€]/g, "");
    return n !== "" && !isNaN(n) ? parseFloat(n) : w.toLowerCase();
  }

  function sorteerbaar(tabel) {
    var koppen = tabel.querySelectorAll("thead th");
    koppen.forEach(function (th, index) {
      if (th.hasAttribute("data-niet-sorteren")) return;
      var knop = document.createElement("button");
      knop.type = "button";
      knop.className = "sorteer";
      while (th.firstChild) knop.appendChild(th.firstChild);
      th.appendChild(knop);
      knop.addEventListener("click", function () {
        var oplopend = th.getAttribute("aria-sort") !== "ascending";
        koppen.forEach(function (k) { k.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", oplopend ? "ascending" : "descending");
        var body = tabel.tBodies[0];
        var rijen = Array.prototype.slice.call(body.rows);
        rijen.sort(function (a, b) {
          var x = sleutel(a.cells[index]), y = sleutel(b.cells[index]);
          if (x < y) return oplopend ? -1 : 1;
          if (x > y) return oplopend ? 1 : -1;
          return 0;
        });
        rijen.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  function filterbaar(invoer) {
    var tabel = document.getElementById(invoer.getAttribute("data-tabelfilter"));
    if (!tabel) return;
    var teller = document.querySelector("[data-tabelteller='" + tabel.id + "']");
    invoer.addEventListener("input", function () {
      var q = invoer.value.trim().toLowerCase();
      var zichtbaar = 0;
      Array.prototype.forEach.call(tabel.tBodies[0].rows, function (r) {
        var toon = !q || r.textContent.toLowerCase().indexOf(q) !== -1;
        r.hidden = !toon;
        if (toon) zichtbaar++;
      });
      if (teller) teller.textContent = zichtbaar + " van " + tabel.tBodies[0].rows.length + " rijen";
    });
  }

  function init(root) {
    root.querySelectorAll("table[data-sorteerbaar]:not([data-klaar])").forEach(function (t) {
      t.setAttribute("data-klaar", "");
      sorteerbaar(t);
    });
    root.querySelectorAll("input[data-tabelfilter]:not([data-klaar])").forEach(function (i) {
      i.setAttribute("data-klaar", "");
      filterbaar(i);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSwap", function (e) { init(e.target); });
})();
