// The neighbourhood choice on a map: parks (blue) and CBS neighbourhoods (orange), read-only.
// Markup: <div data-buurtkaart data-context="ID of a json_script">; clicking a neighbourhood toggles
// its checkbox (input[data-buurtcode]). Without JavaScript the checkboxes are the choice.
// Names come from users and from a file: they go to Leaflet as text nodes, never as HTML.
(function () {
  "use strict";
  if (typeof L === "undefined") return;
  L.Control.Zoom.mergeOptions({ zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" });

  var STIJL_TERREIN = { color: "#154273", weight: 3, fillOpacity: 0.2, interactive: false };
  var STIJL_BUURT = { color: "#b35900", weight: 2, dashArray: "5 3", fillOpacity: 0.12 };
  var STIJL_UIT = { color: "#6b7785", weight: 1, dashArray: "2 4", fillOpacity: 0.02 };

  function alsTekst(tekst) {
    return function () { return document.createTextNode(String(tekst)); };
  }

  function vakje(code) {
    var vakjes = document.querySelectorAll("input[data-buurtcode]");
    for (var i = 0; i < vakjes.length; i++) if (vakjes[i].getAttribute("data-buurtcode") === code) return vakjes[i];
    return null;
  }

  function init(el) {
    var bron = document.getElementById(el.getAttribute("data-context") || "");
    var vormen = bron ? JSON.parse(bron.textContent || "[]") : [];
    if (!vormen.length) return;
    el.hidden = false;
    el.setAttribute("role", "region");
    el.setAttribute("aria-label", "Kaart met de bedrijventerreinen en de buurten");
    var kaart = L.map(el, { scrollWheelZoom: false }).setView([52.2, 5.3], 8);
    var tegels = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 19,
      attribution: "&copy; OpenStreetMap-bijdragers"
    }).addTo(kaart);
    var gemeld = false;
    tegels.on("tileerror", function () {
      if (gemeld) return;
      gemeld = true;
      var melding = L.DomUtil.create("div", "kaart-melding", el);
      melding.textContent = "Achtergrondkaart niet beschikbaar.";
    });
    var omvang = L.latLngBounds([]);
    vormen.forEach(function (v) {
      if (!v.grens) return;
      var buurt = v.soort === "buurt";
      var laag = L.geoJSON(v.grens, { style: buurt ? STIJL_BUURT : STIJL_TERREIN });
      laag.bindTooltip(alsTekst(v.naam), {
        permanent: true, direction: "center", className: buurt ? "kaart-label kaart-label--buurt" : "kaart-label"
      });
      if (buurt && v.code) {
        var invoer = vakje(v.code);
        if (invoer) {
          var kleur = function () { laag.setStyle(invoer.checked ? STIJL_BUURT : STIJL_UIT); };
          laag.on("click", function () { invoer.checked = !invoer.checked; kleur(); });
          invoer.addEventListener("change", kleur);
        }
      }
      laag.addTo(kaart);
      omvang.extend(laag.getBounds());
    });
    if (omvang.isValid()) kaart.fitBounds(omvang, { padding: [20, 20], maxZoom: 16 });
    el.kaart = kaart;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-buurtkaart]").forEach(init);
  });
})();
