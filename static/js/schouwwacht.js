// The inspection walk without signal. Progressive enhancement: without JavaScript the point form
// posts as it always did.
//
// - Registers the service worker (static/js/schouw-sw.js, served from the inspections' URL so its
//   scope covers them) and keeps this page, the point form and their files in the cache.
// - A new point gets its own id (a UUID in the hidden client_id field). Without signal, the point
//   (its fields and photo) is kept in IndexedDB instead of posted: the queue. The server stores a
//   point once per id, so sending it again after a lost answer adds nothing.
// - When the signal returns (and on every page of the walk, every 30 s while points wait) the queue
//   is sent with the current CSRF token; the box [data-wachtrij] says how many points wait.
// Text reaches the page only through textContent (tests/kvo/test_beveiliging_js.py).
(function () {
  "use strict";

  var CACHE = "kvo-schouw-1";
  var DB_NAAM = "kvo-schouw";
  var STORE = "punten";
  var VERSTUURD = "kvo-schouw-verstuurd";
  var NAMEN = {
    foto: "Foto",
    bevinding: "Wat zag u?",
    actie: "Wat moet er gebeuren?",
    wie: "Wie voert het uit?",
    gereed_voor: "Klaar vóór",
    waarom_tevreden: "Waarom is de werkgroep tevreden?",
    wat_nodig_was: "Wat was ervoor nodig?",
  };

  var vak = document.querySelector("[data-wachtrij]");
  if (!vak || !window.indexedDB) return;
  var tekst = vak.querySelector("[data-wachtrij-tekst]");
  var lijst = vak.querySelector("[data-wachtrij-lijst]");
  var form = document.querySelector("form[data-wachtrij-form]");
  var melding = ""; // what just happened (kept, sent)
  var probleem = ""; // why sending stopped (logged out, server trouble)
  var bezig = false;

  // --- IndexedDB --------------------------------------------------------------------------------
  function openDb() {
    return new Promise(function (klaar, mis) {
      var verzoek = indexedDB.open(DB_NAAM, 1);
      verzoek.addEventListener("upgradeneeded", function () {
        verzoek.result.createObjectStore(STORE, { keyPath: "id" });
      });
      verzoek.addEventListener("success", function () { klaar(verzoek.result); });
      verzoek.addEventListener("error", function () { mis(verzoek.error); });
    });
  }

  function metStore(modus, werk) {
    return openDb().then(function (db) {
      return new Promise(function (klaar, mis) {
        var tx = db.transaction(STORE, modus);
        var verzoek = werk(tx.objectStore(STORE));
        tx.addEventListener("complete", function () { db.close(); klaar(verzoek ? verzoek.result : undefined); });
        tx.addEventListener("error", function () { db.close(); mis(tx.error); });
        tx.addEventListener("abort", function () { db.close(); mis(tx.error); });
      });
    });
  }

  function alle() {
    return metStore("readonly", function (s) { return s.getAll(); }).then(function (r) {
      return (r || []).sort(function (a, b) { return a.aangemaakt - b.aangemaakt; });
    });
  }
  function bewaar(punt) { return metStore("readwrite", function (s) { s.put(punt); }); }
  function verwijder(id) { return metStore("readwrite", function (s) { s.delete(id); }); }

  // --- helpers -----------------------------------------------------------------------------------
  function nieuwId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function csrfToken() {
    var veld = document.querySelector('input[name="csrfmiddlewaretoken"]');
    if (veld && veld.value) return veld.value;
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }

  function element(naam, klasse, inhoud) {
    var el = document.createElement(naam);
    if (klasse) el.className = klasse;
    if (inhoud) el.textContent = inhoud;
    return el;
  }

  function kort(t) {
    t = (t || "").trim().replace(/\s+/g, " ");
    return t.length > 60 ? t.slice(0, 59) + "…" : t || "(zonder omschrijving)";
  }

  // --- the box: how many points wait ------------------------------------------------------------
  function toon() {
    return alle().then(function (punten) {
      var wachtend = punten.filter(function (p) { return !p.fout; }).length;
      var delen = [];
      var kop = "";
      if (wachtend) {
        kop = wachtend === 1 ? "1 punt wacht op verbinding." : wachtend + " punten wachten op verbinding.";
        if (!navigator.onLine) {
          delen.push(wachtend === 1
            ? "Het staat veilig op deze telefoon en wordt verstuurd zodra er weer verbinding is."
            : "Ze staan veilig op deze telefoon en worden verstuurd zodra er weer verbinding is.");
        } else if (bezig) {
          delen.push("Bezig met versturen…");
        }
      }
      if (probleem) delen.push(probleem);
      if (melding) delen.unshift(melding);
      var nieuw = [kop].concat(delen).join(" ").trim();
      if (tekst.textContent !== nieuw) {
        tekst.replaceChildren();
        if (kop) tekst.appendChild(element("strong", "", kop));
        if (delen.length) tekst.appendChild(document.createTextNode((kop ? " " : "") + delen.join(" ")));
      }
      lijst.replaceChildren();
      punten.forEach(function (p) {
        var li = element("li", p.fout ? "wachtrij__punt wachtrij__punt--fout" : "wachtrij__punt");
        li.appendChild(element("span", "wachtrij__naam", kort(p.bevinding)));
        if (p.fout) {
          li.appendChild(element("span", "wachtrij__fout", "Niet opgeslagen: " + p.fout + " Voer het punt opnieuw in."));
          var knop = element("button", "knop knop--stil", "Van deze telefoon verwijderen");
          knop.type = "button";
          knop.addEventListener("click", function () { verwijder(p.id).then(toon); });
          li.appendChild(knop);
        } else {
          li.appendChild(element("span", "wachtrij__staat", "wacht"));
        }
        lijst.appendChild(li);
      });
      vak.classList.toggle("wachtrij--vol", Boolean(nieuw || punten.length));
      vak.classList.toggle("wachtrij--klaar", Boolean(nieuw) && !punten.length); // only "sent": good news
      document.documentElement.setAttribute("data-wachtrij-aantal", String(wachtend));
      document.documentElement.setAttribute("data-wachtrij-bezig", bezig ? "ja" : "nee");
    });
  }

  // --- sending -----------------------------------------------------------------------------------
  function alsFormData(punt) {
    var fd = new FormData();
    punt.velden.forEach(function (paar) {
      var naam = paar[0], waarde = paar[1];
      if (naam === "csrfmiddlewaretoken") return;
      if (waarde && typeof waarde === "object" && waarde.data) {
        fd.append(naam, new File([waarde.data], waarde.naam || "foto.jpg", { type: waarde.type || "image/jpeg" }));
      } else {
        fd.append(naam, waarde);
      }
    });
    fd.append("csrfmiddlewaretoken", csrfToken());
    return fd;
  }

  function foutTekst(antwoord) {
    var fouten = (antwoord && antwoord.fouten) || {};
    var regels = [];
    Object.keys(fouten).forEach(function (veld) {
      regels.push((NAMEN[veld] ? NAMEN[veld] + ": " : "") + fouten[veld].join(" "));
    });
    return regels.join(" ") || "de server weigerde het punt.";
  }

  function verstuurEen(punt) {
    return fetch(punt.url, {
      method: "POST",
      body: alsFormData(punt),
      credentials: "same-origin",
      redirect: "manual",
      headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
    }).then(function (antwoord) {
      if (antwoord.status === 200 || antwoord.status === 201) return verwijder(punt.id).then(function () { return "verstuurd"; });
      if (antwoord.status === 422 || antwoord.status === 404) {
        return antwoord.json().catch(function () { return {}; }).then(function (inhoud) {
          punt.fout = antwoord.status === 404
            ? "de schouw bestaat niet meer, of u heeft er geen toegang meer toe."
            : foutTekst(inhoud);
          return bewaar(punt).then(function () { return "geweigerd"; });
        });
      }
      if (antwoord.type === "opaqueredirect" || antwoord.status === 403) {
        probleem = "Versturen lukt niet: log opnieuw in. De punten blijven op deze telefoon bewaard.";
      } else {
        probleem = "De server kon de punten nu niet aannemen; we proberen het zo opnieuw.";
      }
      return "stop";
    });
  }

  function verstuur() {
    if (bezig || !navigator.onLine) return Promise.resolve();
    var verstuurd = 0;
    return alle().then(function (punten) {
      punten = punten.filter(function (p) { return !p.fout; });
      if (!punten.length) return;
      bezig = true;
      probleem = "";
      toon();
      var keten = Promise.resolve("");
      punten.forEach(function (punt) {
        keten = keten.then(function (vorige) {
          if (vorige === "stop") return "stop";
          return verstuurEen(punt).then(function (uitkomst) {
            if (uitkomst === "verstuurd") verstuurd += 1;
            return uitkomst;
          });
        });
      });
      return keten.catch(function () { /* no signal after all: the points stay, we try again later */ });
    }).then(function () {
      bezig = false;
      if (verstuurd) {
        if (vak.hasAttribute("data-herladen")) {
          return alle().then(function (rest) {
            if (rest.some(function (p) { return !p.fout; })) return;
            // the inspection shows the points it now has; the box says what happened
            sessionStorage.setItem(VERSTUURD, String(verstuurd));
            location.reload();
          });
        }
        melding = verstuurd === 1 ? "1 punt verstuurd en opgeslagen." : verstuurd + " punten verstuurd en opgeslagen.";
      }
    }).then(toon, toon);
  }

  // --- the form: keep the point on the phone when there is no signal ----------------------------
  function ontbrekend() {
    var mist = [];
    var foto = form.querySelector('input[type="file"][name="foto"]');
    if (!(foto && foto.files && foto.files.length) && !form.querySelector('input[name="foto_bewaard"]')) mist.push("foto");
    var positief = form.querySelector('input[name="positief"]:checked');
    var velden = ["bevinding"].concat(positief && positief.value === "1"
      ? ["waarom_tevreden", "wat_nodig_was"]
      : ["actie", "wie", "gereed_voor"]);
    velden.forEach(function (naam) {
      var veld = form.elements[naam];
      if (veld && !String(veld.value || "").trim()) mist.push(naam);
    });
    return mist;
  }

  function formFout(bericht) {
    var fout = form.querySelector("[data-wachtrij-fout]");
    if (!fout) {
      fout = element("p", "foutmelding wachtrij__formfout");
      fout.setAttribute("data-wachtrij-fout", "");
      fout.setAttribute("role", "alert");
      fout.tabIndex = -1;
      form.insertBefore(fout, form.firstChild);
    }
    fout.textContent = bericht;
    fout.hidden = !bericht;
    if (bericht) fout.focus();
  }

  function houdVast(knop) {
    var mist = ontbrekend();
    if (mist.length) {
      formFout("Er is geen verbinding. Vul eerst in: " + mist.map(function (n) { return NAMEN[n]; }).join(", ") +
        ". Daarna bewaren we het punt op deze telefoon.");
      return Promise.resolve();
    }
    formFout("");
    var fd = new FormData(form);
    if (knop && knop.name) fd.append(knop.name, knop.value);
    var velden = [];
    var wachten = [];
    fd.forEach(function (waarde, naam) {
      if (waarde instanceof File) {
        if (!waarde.size) return;
        var paar = [naam, null];
        velden.push(paar);
        wachten.push(waarde.arrayBuffer().then(function (data) {
          paar[1] = { naam: waarde.name, type: waarde.type, data: data };
        }));
      } else {
        velden.push([naam, waarde]);
      }
    });
    var id = form.elements.client_id.value;
    return Promise.all(wachten).then(function () {
      return bewaar({
        id: id,
        url: new URL(form.action, location.href).pathname,
        velden: velden,
        bevinding: fd.get("bevinding"),
        aangemaakt: Date.now(),
        fout: "",
      });
    }).then(function () {
      form.reset();
      form.elements.client_id.value = nieuwId();
      var bewaard = form.querySelector("[data-testid=foto-bewaard]");
      if (bewaard) bewaard.remove();
      document.dispatchEvent(new CustomEvent("kvo:foto-leeg"));
      melding = "Punt bewaard op deze telefoon.";
      var verder = !(knop && knop.name === "nog_een");
      if (verder && navigator.serviceWorker && navigator.serviceWorker.controller) {
        location.assign(form.getAttribute("data-terug"));
        return;
      }
      window.scrollTo(0, 0);
      return toon();
    });
  }

  if (form && form.elements.client_id) {
    if (!form.elements.client_id.value) form.elements.client_id.value = nieuwId();
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-verzenden") === "ja") return; // our own submit, below
      var foto = window.kvoFotoKlaar ? window.kvoFotoKlaar() : null; // the marked photo, if still being drawn
      if (navigator.onLine && !foto) return; // signal: the form posts as it always did
      event.preventDefault();
      var knop = event.submitter || undefined;
      Promise.resolve(foto).then(function () {
        if (navigator.onLine) {
          form.setAttribute("data-verzenden", "ja");
          form.requestSubmit(knop);
        } else {
          houdVast(knop).catch(function () {
            formFout("Het punt kon niet op deze telefoon worden bewaard. Probeer het opnieuw als u verbinding heeft.");
          });
        }
      });
    });
  }

  // --- the service worker and the cache ---------------------------------------------------------
  function klaarVoorOffline() {
    document.documentElement.setAttribute("data-offline-klaar", "ja");
  }

  function bewaarInCache() {
    if (!window.caches) return Promise.resolve();
    var paginas = (vak.getAttribute("data-bewaar") || "").split(/\s+/).filter(Boolean);
    var bestanden = (vak.getAttribute("data-bestanden") || "").split(/\s+/).filter(Boolean); // the form's own
    document.querySelectorAll('link[rel="stylesheet"][href], script[src], link[rel="icon"][href], link[rel="apple-touch-icon"][href]')
      .forEach(function (el) { bestanden.push(el.getAttribute("href") || el.getAttribute("src")); });
    document.querySelectorAll("img.punt__foto[src]").forEach(function (img) {
      var src = img.getAttribute("src");
      if (src.indexOf("data:") !== 0) bestanden.push(src);
    });
    return caches.open(CACHE).then(function (cache) {
      function haal(url) {
        return fetch(url, { credentials: "same-origin" }).then(function (antwoord) {
          if (antwoord.ok && !antwoord.redirected) return cache.put(url, antwoord);
        }).catch(function () {});
      }
      var werk = paginas.map(haal); // pages: always the current version
      bestanden.forEach(function (url) {
        werk.push(cache.match(url).then(function (bewaard) { return bewaard || haal(url); }));
      });
      return Promise.all(werk);
    });
  }

  function registreer() {
    if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
    var scope = vak.getAttribute("data-scope");
    navigator.serviceWorker.register(vak.getAttribute("data-sw"), { scope: scope }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function () {
      if (navigator.serviceWorker.controller) return;
      return new Promise(function (klaar) {
        navigator.serviceWorker.addEventListener("controllerchange", klaar, { once: true });
      });
    }).then(function () {
      return navigator.onLine ? bewaarInCache() : null;
    }).then(klaarVoorOffline).catch(function () { /* no worker: the walk works online as before */ });
  }

  if (/[?&]bewaard=1\b/.test(location.search)) { // the service worker kept a post that did not get through
    melding = "Er was toch geen verbinding: het punt is op deze telefoon bewaard.";
    history.replaceState(null, "", location.pathname + location.hash);
  }
  var teller = sessionStorage.getItem(VERSTUURD);
  if (teller) {
    sessionStorage.removeItem(VERSTUURD);
    melding = teller === "1" ? "1 punt verstuurd en opgeslagen." : teller + " punten verstuurd en opgeslagen.";
  }
  window.addEventListener("online", verstuur);
  window.addEventListener("offline", function () { probleem = ""; toon(); });
  window.setInterval(function () { if (navigator.onLine) verstuur(); }, 30000);
  toon().then(verstuur);
  registreer();
})();
