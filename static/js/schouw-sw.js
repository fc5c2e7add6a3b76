// The service worker of the inspection walk, served from /w/<werkgroep>/analyse/schouwen/sw.js so
// that its scope is the inspections of that work group (analyse/views/schouw_offline.py).
// Every GET goes to the network first; without signal the copy the pages put in the cache
// (static/js/schouwwacht.js: the inspection, its point form, their styles and scripts) answers.
// A point form posted while the phone thinks it has signal but the post does not get through is
// kept in the same IndexedDB queue as the page keeps it (static/js/schouwwacht.js), and the walker
// is sent to the inspection, where the queue shows it; the server stores it once (client_id).
"use strict";

var CACHE = "kvo-schouw-1";
var DB_NAAM = "kvo-schouw";
var STORE = "punten";
var NIEUW_PUNT = /\/punten\/nieuw\/$/;

function bewaarInWachtrij(pad, fd) {
  var velden = [];
  var wachten = [];
  fd.forEach(function (waarde, naam) {
    if (typeof waarde === "string") {
      velden.push([naam, waarde]);
    } else if (waarde.size) {
      var paar = [naam, null];
      velden.push(paar);
      wachten.push(waarde.arrayBuffer().then(function (data) {
        paar[1] = { naam: waarde.name, type: waarde.type, data: data };
      }));
    }
  });
  var id = fd.get("client_id");
  if (!id) return Promise.reject(new Error("geen client_id"));
  return Promise.all(wachten).then(function () {
    return new Promise(function (klaar, mis) {
      var open = indexedDB.open(DB_NAAM, 1);
      open.addEventListener("upgradeneeded", function () {
        open.result.createObjectStore(STORE, { keyPath: "id" });
      });
      open.addEventListener("error", function () { mis(open.error); });
      open.addEventListener("success", function () {
        var db = open.result;
        var tx = db.transaction(STORE, "readwrite");
        tx.objectStore(STORE).put({
          id: id, url: pad, velden: velden, bevinding: fd.get("bevinding") || "", aangemaakt: Date.now(), fout: "",
        });
        tx.addEventListener("complete", function () { db.close(); klaar(); });
        tx.addEventListener("error", function () { db.close(); mis(tx.error); });
      });
    });
  });
}

function postZonderVerbinding(event, adres) {
  var kopie = event.request.clone();
  event.respondWith(
    fetch(event.request).catch(function (fout) {
      return kopie.formData().then(function (fd) {
        return bewaarInWachtrij(adres.pathname, fd).then(function () {
          var verder = fd.get("nog_een") ? adres.pathname : adres.pathname.replace(NIEUW_PUNT, "/");
          return Response.redirect(verder + "?bewaard=1", 303);
        });
      }).catch(function () {
        throw fout; // not kept: the browser shows its own error, the form is still there with Back
      });
    })
  );
}

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (namen) {
      return Promise.all(
        namen
          .filter(function (naam) {
            return naam.indexOf("kvo-schouw-") === 0 && naam !== CACHE;
          })
          .map(function (naam) {
            return caches.delete(naam);
          })
      );
    }).then(function () {
      return self.clients.claim();
    })
  );
});

function geenVerbinding() {
  return new Response(
    "Geen verbinding, en deze pagina is niet op deze telefoon bewaard. Probeer het opnieuw als u weer verbinding heeft.",
    { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } }
  );
}

self.addEventListener("fetch", function (event) {
  var verzoek = event.request;
  var adres = new URL(verzoek.url);
  if (adres.origin !== self.location.origin) return;
  if (verzoek.method === "POST" && verzoek.mode === "navigate" && NIEUW_PUNT.test(adres.pathname)) {
    postZonderVerbinding(event, adres);
    return;
  }
  if (verzoek.method !== "GET") return;
  var pagina = verzoek.mode === "navigate";
  event.respondWith(
    fetch(verzoek).catch(function () {
      return caches.open(CACHE).then(function (cache) {
        return cache.match(verzoek, { ignoreSearch: pagina }).then(function (bewaard) {
          return bewaard || geenVerbinding();
        });
      });
    })
  );
});
