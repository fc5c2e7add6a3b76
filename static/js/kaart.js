// Drawing a boundary on a Leaflet map (leaflet-draw) into a GeoJSON form field.
// Progressive enhancement: without JavaScript the GeoJSON textarea is the field. The map needs no
// tiles: when OpenStreetMap is unreachable the drawing still works on a plain background.
// Markup: <div data-kaart data-invoer="ID of the textarea" data-context="ID of a json_script">.
(function () {
  "use strict";
  if (typeof L === "undefined") return;

  // Every text of Leaflet's and leaflet-draw's controls in Dutch (also those of tools this map does
  // not offer, so no English shows if one is switched on). Titles are what a screen reader reads.
  L.Control.Zoom.mergeOptions({ zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" });
  L.drawLocal.draw.toolbar = {
    actions: { title: "Tekenen annuleren", text: "Annuleren" },
    finish: { title: "Tekenen afronden", text: "Afronden" },
    undo: { title: "Laatste punt verwijderen", text: "Laatste punt weg" },
    buttons: {
      polyline: "Lijn tekenen", polygon: "Vlak tekenen", rectangle: "Rechthoek tekenen",
      circle: "Cirkel tekenen", marker: "Punt zetten", circlemarker: "Cirkelpunt zetten"
    }
  };
  L.drawLocal.draw.handlers = {
    circle: { tooltip: { start: "Klik en sleep om een cirkel te tekenen." }, radius: "Straal" },
    circlemarker: { tooltip: { start: "Klik op de kaart om een cirkelpunt te zetten." } },
    marker: { tooltip: { start: "Klik op de kaart om een punt te zetten." } },
    polygon: {
      tooltip: {
        start: "Klik om het eerste hoekpunt te zetten.",
        cont: "Klik om het volgende hoekpunt te zetten.",
        end: "Klik op het eerste punt om de grens te sluiten."
      }
    },
    polyline: {
      error: "<strong>Let op:</strong> de lijnen mogen elkaar niet kruisen.",
      tooltip: {
        start: "Klik om de lijn te beginnen.",
        cont: "Klik om de lijn voort te zetten.",
        end: "Klik op het laatste punt om de lijn af te ronden."
      }
    },
    rectangle: { tooltip: { start: "Klik en sleep om een rechthoek te tekenen." } },
    simpleshape: { tooltip: { end: "Laat de muis los om af te ronden." } }
  };
  L.drawLocal.edit.toolbar = {
    actions: {
      save: { title: "Wijzigingen bewaren", text: "Bewaren" },
      cancel: { title: "Wijzigingen ongedaan maken", text: "Annuleren" },
      clearAll: { title: "Alles wissen", text: "Alles wissen" }
    },
    buttons: {
      edit: "Grens aanpassen", editDisabled: "Nog niets om aan te passen",
      remove: "Grens verwijderen", removeDisabled: "Nog niets om te verwijderen"
    }
  };
  L.drawLocal.edit.handlers = {
    edit: { tooltip: { text: "Sleep de hoekpunten.", subtext: "Kies Annuleren om terug te gaan." } },
    remove: { tooltip: { text: "Klik op een vlak om het te verwijderen." } }
  };

  var STIJL = { color: "#154273", weight: 3, fillOpacity: 0.2 };
  var STIJL_LOCATIE = { color: "#4a5561", weight: 3, dashArray: "6 4", fillOpacity: 0.15 };
  var STIJL_CONTEXT = { color: "#2f5f98", weight: 1.5, fillOpacity: 0.08, interactive: false };
  var STIJL_CONTEXT_LOCATIE = { color: "#6b7785", weight: 1.5, dashArray: "6 4", fillOpacity: 0.06, interactive: false };

  // A name someone typed, as content for Leaflet: Leaflet puts a string in as HTML (innerHTML), so
  // a user's text goes in as a text node, made anew each time the tooltip is drawn. Never hand
  // Leaflet (bindTooltip, bindPopup, setContent) a string that holds a user's text.
  function alsTekst(tekst) {
    return function () { return document.createTextNode(String(tekst)); };
  }

  function leesGrens(tekst) {
    try {
      var g = JSON.parse(tekst);
      if (g && g.type === "Feature") g = g.geometry;
      return g && (g.type === "Polygon" || g.type === "MultiPolygon") ? g : null;
    } catch (e) {
      return null;
    }
  }

  function rond(coords) {
    if (typeof coords[0] === "number") return [Math.round(coords[0] * 1e7) / 1e7, Math.round(coords[1] * 1e7) / 1e7];
    return coords.map(rond);
  }

  // All drawn layers as one geometry: one polygon → Polygon, several → MultiPolygon.
  function naarGeoJSON(groep) {
    var vlakken = [];
    groep.eachLayer(function (laag) {
      var g = laag.toGeoJSON().geometry;
      if (g.type === "Polygon") vlakken.push(g.coordinates);
      else if (g.type === "MultiPolygon") vlakken = vlakken.concat(g.coordinates);
    });
    if (!vlakken.length) return "";
    vlakken = rond(vlakken);
    if (vlakken.length === 1) return JSON.stringify({ type: "Polygon", coordinates: vlakken[0] });
    return JSON.stringify({ type: "MultiPolygon", coordinates: vlakken });
  }

  // Each polygon of a geometry as its own editable layer.
  function vulGroep(groep, grens, stijl) {
    groep.clearLayers();
    if (!grens) return;
    var vlakken = grens.type === "Polygon" ? [grens.coordinates] : grens.coordinates;
    vlakken.forEach(function (vlak) {
      groep.addLayer(L.polygon(L.GeoJSON.coordsToLatLngs(vlak, 1), stijl));
    });
  }

  function init(el) {
    var invoer = document.getElementById(el.getAttribute("data-invoer"));
    if (!invoer) return;
    el.hidden = false;
    var uitleg = el.parentNode.querySelector(".kaart-uitleg");
    if (uitleg) uitleg.hidden = false;
    var details = invoer.closest("details");
    if (details && !el.closest(".veld--fout")) details.open = false;
    el.setAttribute("role", "region");
    el.setAttribute("aria-label", "Kaart om de grens te tekenen");

    var stijl = el.getAttribute("data-soort") === "locatie" ? STIJL_LOCATIE : STIJL;
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
      melding.textContent = "Achtergrondkaart niet beschikbaar; tekenen werkt wel.";
    });

    var omvang = L.latLngBounds([]);
    var contextEl = document.getElementById(el.getAttribute("data-context") || "");
    var context = contextEl ? JSON.parse(contextEl.textContent || "[]") : [];
    context.forEach(function (v) {
      var laag = L.geoJSON(v.grens, { style: v.soort === "locatie" ? STIJL_CONTEXT_LOCATIE : STIJL_CONTEXT, interactive: false });
      laag.bindTooltip(alsTekst(v.naam), { permanent: true, direction: "center", className: "kaart-label" });
      laag.addTo(kaart);
      omvang.extend(laag.getBounds());
    });

    var groep = new L.FeatureGroup().addTo(kaart);
    vulGroep(groep, leesGrens(invoer.value), stijl);

    kaart.addControl(new L.Control.Draw({
      position: "topleft",
      draw: {
        polygon: { allowIntersection: false, showArea: false, shapeOptions: stijl },
        rectangle: { shapeOptions: stijl },
        polyline: false, circle: false, marker: false, circlemarker: false
      },
      edit: { featureGroup: groep, poly: { allowIntersection: false } }
    }));

    function bewaar() {
      invoer.value = naarGeoJSON(groep);
      invoer.dispatchEvent(new Event("input", { bubbles: true }));
    }
    kaart.on(L.Draw.Event.CREATED, function (e) { groep.addLayer(e.layer); bewaar(); });
    kaart.on(L.Draw.Event.EDITED, bewaar);
    kaart.on(L.Draw.Event.DELETED, bewaar);
    invoer.addEventListener("change", function () {
      vulGroep(groep, leesGrens(invoer.value), stijl);
      if (groep.getLayers().length) kaart.fitBounds(groep.getBounds(), { padding: [20, 20] });
    });

    if (groep.getLayers().length) omvang.extend(groep.getBounds());
    if (omvang.isValid()) kaart.fitBounds(omvang, { padding: [20, 20], maxZoom: 16 });
    el.kaart = kaart; // for tests and debugging
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-kaart]").forEach(init);
  });
})();
