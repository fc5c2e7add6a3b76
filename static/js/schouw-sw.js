// The service worker of the inspection walk, served from /w/<werkgroep>/analyse/schouwen/sw.js so
// that its scope is the inspections of that work group (analyse/views/schouw_offline.py).
// Every GET goes to the network first; without signal the copy the pages put in the cache
// (static/js/schouwwacht.js: the inspection, its point form, their styles and scripts) answers.
// Posts are never touched here: a point taken without signal waits in IndexedDB, not in this worker.
"use strict";

var CACHE = "kvo-schouw-1";

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
  if (verzoek.method !== "GET" || new URL(verzoek.url).origin !== self.location.origin) {
    return;
  }
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
