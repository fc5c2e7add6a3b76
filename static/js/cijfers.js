// Incident figures: the category suggestions follow the chosen source (without JavaScript: all
// suggestions). The fields are found by their data attributes; no inline script (CSP).
(function () {
  "use strict";
  var bron = document.querySelector("[data-cijfers-bron]");
  var categorie = document.querySelector("[data-cijfers-categorie]");
  if (!bron || !categorie) return;
  function kies() {
    var lijst = document.getElementById("categorieen-" + bron.value);
    categorie.setAttribute("list", lijst ? lijst.id : "categorieen");
  }
  bron.addEventListener("change", kies);
  kies();
})();
