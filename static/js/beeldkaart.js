// The picture across areas: every park's outline, filled with its class's colour (the legend says in
// words what each colour means, and the table beside the map has the same values). Read-only.
// Markup: <div data-beeldkaart data-context="ID of a json_script"> with a list of
// {naam, werkgroep, waarde, klasse, kleur, grens, url}. Names come from users: they go to Leaflet as
// text nodes, never as HTML. Without JavaScript the table is the picture.
(function () {
  "use strict";
  if (typeof L === "undefined") return;
  L.Control.Zoom.mergeOptions({ zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" });

  function alsTekst(tekst) {
    return function () { return document.createTextNode(String(tekst)); };
  }

  function init(el) {
    var bron = document.getElementById(el.getAttribute("data-context") || "");
    var parken = bron ? JSON.parse(bron.textContent || "[]") : [];
    if (!parken.length) return;
    el.hidden = false;
    el.setAttribute("role", "region");
    el.setAttribute("aria-label", "Kaart met de bedrijventerreinen, gekleurd naar de gekozen indicator; de tabel ernaast toont dezelfde cijfers");
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
    var vast = parken.length <= 12; // a few parks: their names and values stay on the map
    var stippen = [];
    var labels = [];
    parken.forEach(function (p) {
      var stijl = p.kleur
        ? { color: "#1f2933", weight: 1.5, fillColor: p.kleur, fillOpacity: 0.8 }
        : { color: "#4a5561", weight: 1.5, dashArray: "4 3", fillColor: "#ffffff", fillOpacity: 0.6 };
      var laag = L.geoJSON(p.grens, { style: stijl });
      laag.bindTooltip(alsTekst(p.naam + ": " + p.waarde), {
        permanent: vast, direction: "right", offset: [10, 0], className: "beeld-label"
      });
      labels.push(laag);
      if (p.url) laag.on("click", function () { window.location.href = p.url; });
      laag.addTo(kaart);
      omvang.extend(laag.getBounds());
      // A dot in the same colour on the park's centre, so a small park stays visible when the map
      // shows a whole province; it disappears once the outline itself is large enough.
      var stip = L.circleMarker(laag.getBounds().getCenter(), {
        radius: 7, color: "#1f2933", weight: 1.5, fillColor: p.kleur || "#ffffff", fillOpacity: 0.95
      });
      stip.bindTooltip(alsTekst(p.naam + ": " + p.waarde), { className: "beeld-label" });
      if (p.url) stip.on("click", function () { window.location.href = p.url; });
      stippen.push(stip);
    });
    function toonStippen() {
      var klein = kaart.getZoom() < 13;
      stippen.forEach(function (s) { if (klein) s.addTo(kaart); else s.remove(); });
    }
    // Parks close together (a cluster, seen at the scale of a province) would put their names on top of
    // each other: a name that overlaps one already shown is hidden until the map is zoomed in far
    // enough; its dot's tooltip and the table still give it.
    function ontwar() {
      if (!vast) return;
      var getoond = [];
      labels.forEach(function (laag) {
        var tip = laag.getTooltip();
        var e = tip && tip.getElement();
        if (!e) return;
        e.classList.remove("beeld-label--verborgen");
        var r = e.getBoundingClientRect();
        var botst = getoond.some(function (o) {
          return r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom;
        });
        if (botst) e.classList.add("beeld-label--verborgen");
        else getoond.push(r);
      });
    }
    kaart.on("zoomend", toonStippen);
    kaart.on("zoomend", ontwar);
    // names stay to the right of their park: room on the right, so the easternmost one is not cut off
    var rechts = vast ? Math.min(220, Math.round(el.clientWidth / 2.5)) : 20;
    if (omvang.isValid()) {
      kaart.fitBounds(omvang, { paddingTopLeft: [20, 20], paddingBottomRight: [rechts, 20], maxZoom: 15 });
    }
    toonStippen();
    ontwar();
    el.kaart = kaart;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-beeldkaart]").forEach(init);
  });
})();
