// Marking the photo of an inspection point: an arrow or a circle drawn on the chosen photo before
// it is saved. Progressive enhancement: without JavaScript (or without canvas/DataTransfer) the
// plain upload stays.
//
// The marked photo is drawn on a canvas, exported as JPEG and put back into the file field
// (DataTransfer), so the form, or the queue kept without signal (static/js/schouwwacht.js), sends
// the marked photo. The camera's EXIF block (the location the server keeps) is copied into the
// marked JPEG, with its orientation set to upright: the canvas already drew the photo upright.
(function () {
  "use strict";

  var invoer = document.querySelector('form.punt-form input[type="file"][name="foto"]');
  if (!invoer || !window.DataTransfer || !HTMLCanvasElement.prototype.toBlob) return;
  var form = invoer.form;
  var MAX_ZIJDE = 2000;
  var origineel = null;
  var exif = null;
  var beeld = null;
  var vormen = [];
  var huidige = null;
  var vorm = "pijl";
  var bezig = null;

  function element(naam, klasse, inhoud) {
    var el = document.createElement(naam);
    if (klasse) el.className = klasse;
    if (inhoud) el.textContent = inhoud;
    return el;
  }

  // --- the editor's elements (text only through textContent) -------------------------------------
  var vak = element("div", "markeer");
  vak.hidden = true;
  vak.setAttribute("data-markeer", "");
  vak.appendChild(element("p", "markeer__uitleg klein",
    "Wijs op de foto aan wat u bedoelt (niet verplicht): kies Pijl of Cirkel en trek met uw vinger over de foto."));
  var knoppen = element("div", "markeer__knoppen");
  knoppen.setAttribute("role", "group");
  knoppen.setAttribute("aria-label", "Foto markeren");
  function knop(tekst, klik) {
    var k = element("button", "knop knop--stil", tekst);
    k.type = "button";
    k.addEventListener("click", klik);
    knoppen.appendChild(k);
    return k;
  }
  var pijlKnop = knop("Pijl", function () { kies("pijl"); });
  var cirkelKnop = knop("Cirkel", function () { kies("cirkel"); });
  var terugKnop = knop("Ongedaan maken", function () { vormen.pop(); teken(); bewaar(); });
  var wisKnop = knop("Alles wissen", function () { vormen = []; teken(); bewaar(); });
  vak.appendChild(knoppen);
  var doek = element("canvas", "markeer__doek");
  doek.setAttribute("role", "img");
  doek.setAttribute("aria-label", "De gekozen foto met uw markeringen");
  vak.appendChild(doek);
  var status = element("p", "klein zacht markeer__status");
  status.setAttribute("aria-live", "polite");
  vak.appendChild(status);
  var plek = invoer.closest(".veld") || invoer.parentNode;
  plek.parentNode.insertBefore(vak, plek.nextSibling);
  var ctx = doek.getContext("2d");

  function kies(nieuw) {
    vorm = nieuw;
    pijlKnop.setAttribute("aria-pressed", String(vorm === "pijl"));
    cirkelKnop.setAttribute("aria-pressed", String(vorm === "cirkel"));
  }
  kies("pijl");

  function knoppenBijwerken() {
    terugKnop.disabled = wisKnop.disabled = vormen.length === 0;
  }

  // --- drawing -----------------------------------------------------------------------------------
  function dikte() {
    return Math.max(4, Math.round(Math.max(doek.width, doek.height) / 150));
  }

  function pad(v) {
    var d = dikte();
    ctx.beginPath();
    if (v.vorm === "cirkel") {
      var rx = Math.max(Math.abs(v.b.x - v.a.x) / 2, d * 2);
      var ry = Math.max(Math.abs(v.b.y - v.a.y) / 2, d * 2);
      ctx.ellipse((v.a.x + v.b.x) / 2, (v.a.y + v.b.y) / 2, rx, ry, 0, 0, 2 * Math.PI);
    } else {
      var hoek = Math.atan2(v.b.y - v.a.y, v.b.x - v.a.x);
      var lengte = Math.hypot(v.b.x - v.a.x, v.b.y - v.a.y);
      var punt = Math.min(Math.max(d * 5, lengte * 0.3), lengte);
      ctx.moveTo(v.a.x, v.a.y);
      ctx.lineTo(v.b.x, v.b.y);
      [-0.45, 0.45].forEach(function (afwijking) {
        ctx.moveTo(v.b.x, v.b.y);
        ctx.lineTo(v.b.x - punt * Math.cos(hoek + afwijking), v.b.y - punt * Math.sin(hoek + afwijking));
      });
    }
  }

  function tekenVorm(v) {
    var d = dikte();
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    pad(v);
    ctx.strokeStyle = "#1b1f24"; // a dark edge keeps the mark visible on light and dark photos
    ctx.lineWidth = d + Math.max(3, d / 2);
    ctx.stroke();
    pad(v);
    ctx.strokeStyle = "#ffd400";
    ctx.lineWidth = d;
    ctx.stroke();
  }

  function teken() {
    if (!beeld) return;
    ctx.drawImage(beeld, 0, 0, doek.width, doek.height);
    vormen.forEach(tekenVorm);
    if (huidige) tekenVorm(huidige);
    knoppenBijwerken();
  }

  function positie(event) {
    var r = doek.getBoundingClientRect();
    return {
      x: (event.clientX - r.left) * (doek.width / r.width),
      y: (event.clientY - r.top) * (doek.height / r.height),
    };
  }

  doek.addEventListener("pointerdown", function (event) {
    if (!beeld) return;
    event.preventDefault();
    doek.setPointerCapture(event.pointerId);
    var p = positie(event);
    huidige = { vorm: vorm, a: p, b: p };
  });
  doek.addEventListener("pointermove", function (event) {
    if (!huidige) return;
    huidige.b = positie(event);
    teken();
  });
  function loslaten(event) {
    if (!huidige) return;
    huidige.b = positie(event);
    var groot = Math.hypot(huidige.b.x - huidige.a.x, huidige.b.y - huidige.a.y) > dikte() * 2;
    if (groot) vormen.push(huidige);
    huidige = null;
    teken();
    if (groot) bewaar();
  }
  doek.addEventListener("pointerup", loslaten);
  doek.addEventListener("pointercancel", function () { huidige = null; teken(); });

  // --- EXIF: the camera's block (with the location) carried over, orientation upright -----------
  function exifVan(buffer) {
    var b = new Uint8Array(buffer);
    if (b[0] !== 0xff || b[1] !== 0xd8) return null;
    var i = 2;
    while (i + 10 <= b.length && b[i] === 0xff) {
      var marker = b[i + 1];
      var lengte = (b[i + 2] << 8) | b[i + 3];
      if (marker === 0xda) break; // the picture data starts: no EXIF before it
      var isExif = marker === 0xe1 && b[i + 4] === 0x45 && b[i + 5] === 0x78 && b[i + 6] === 0x69 &&
        b[i + 7] === 0x66 && b[i + 8] === 0 && b[i + 9] === 0;
      if (isExif) {
        var segment = b.slice(i, i + 2 + lengte);
        try { rechtOp(segment); } catch (e) { return null; }
        return segment;
      }
      i += 2 + lengte;
    }
    return null;
  }

  function rechtOp(segment) {
    var tiff = 10; // FF E1, length, "Exif\0\0"
    var dv = new DataView(segment.buffer, segment.byteOffset, segment.byteLength);
    var le = dv.getUint16(tiff) === 0x4949;
    var ifd = tiff + dv.getUint32(tiff + 4, le);
    var aantal = dv.getUint16(ifd, le);
    for (var k = 0; k < aantal; k++) {
      var e = ifd + 2 + k * 12;
      if (dv.getUint16(e, le) === 0x0112) {
        dv.setUint16(e + 8, 1, le);
        return;
      }
    }
  }

  // --- the marked photo back into the file field --------------------------------------------------
  function zet(bestand) {
    var dt = new DataTransfer();
    dt.items.add(bestand);
    invoer.files = dt.files;
  }

  function bewaar() {
    knoppenBijwerken();
    if (!origineel) return;
    if (!vormen.length) {
      zet(origineel);
      status.textContent = "De foto wordt zonder markering opgeslagen.";
      return;
    }
    var naam = (origineel.name || "foto").replace(/\.[^.]*$/, "") + "-gemarkeerd.jpg";
    var klaar = new Promise(function (gereed) {
      doek.toBlob(function (blob) {
        if (!blob) { gereed(); return; }
        blob.arrayBuffer().then(function (buffer) {
          var delen = [buffer];
          if (exif) {
            var jpeg = new Uint8Array(buffer);
            delen = [jpeg.slice(0, 2), exif, jpeg.slice(2)];
          }
          zet(new File(delen, naam, { type: "image/jpeg" }));
          status.textContent = vormen.length === 1
            ? "De foto wordt met 1 markering opgeslagen."
            : "De foto wordt met " + vormen.length + " markeringen opgeslagen.";
        }).then(gereed, gereed);
      }, "image/jpeg", 0.9);
    });
    bezig = klaar;
    klaar.then(function () { if (bezig === klaar) bezig = null; });
  }

  // the queue (schouwwacht.js) and the form wait for a marked photo still being written
  window.kvoFotoKlaar = function () { return bezig; };
  if (!form.hasAttribute("data-wachtrij-form")) {
    form.addEventListener("submit", function (event) {
      if (!bezig) return;
      event.preventDefault();
      var knopVan = event.submitter || undefined;
      bezig.then(function () { form.requestSubmit(knopVan); });
    });
  }

  function leeg() {
    origineel = exif = beeld = null;
    vormen = [];
    huidige = null;
    vak.hidden = true;
    status.textContent = "";
  }

  invoer.addEventListener("change", function () {
    var bestand = invoer.files && invoer.files[0];
    leeg();
    if (!bestand || bestand.type.indexOf("image/") !== 0) return;
    origineel = bestand;
    var img = new Image();
    var adres = URL.createObjectURL(bestand);
    Promise.all([
      new Promise(function (klaar, mis) {
        img.addEventListener("load", klaar);
        img.addEventListener("error", mis);
        img.src = adres;
      }),
      bestand.arrayBuffer().then(function (buffer) { exif = exifVan(buffer); }),
    ]).then(function () {
      if (origineel !== bestand) return;
      var schaal = Math.min(1, MAX_ZIJDE / Math.max(img.naturalWidth, img.naturalHeight));
      doek.width = Math.round(img.naturalWidth * schaal);
      doek.height = Math.round(img.naturalHeight * schaal);
      beeld = img;
      vak.hidden = false;
      teken();
    }).catch(function () {
      leeg(); // a photo the browser cannot show: the plain upload stays, the server judges it
    }).then(function () { URL.revokeObjectURL(adres); });
  });
  document.addEventListener("kvo:foto-leeg", leeg);
})();
