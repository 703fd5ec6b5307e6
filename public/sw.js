// Envelope's service worker: after the first visit the app works offline.
//
// The build's post_build hook (.ci/precache.sh) rewrites the two lines below in the
// built copy: VERSION becomes a hash of every built file and FILES their list. A new
// build is therefore a new worker with its own cache; on activate it deletes the
// caches of older builds, so an old index.html is never served again.
const VERSION = "unbuilt";
const FILES = [];

const PREFIX = "envelope-";
const CACHE = PREFIX + VERSION;
// The app's page: a navigation to the scope (or its index.html) gets this.
const INDEX = new URL("index.html", self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload` skips the HTTP cache, so the files are this build's, not a
      // browser-cached copy of the last one.
      await cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" })));
      // Take over at once: the files are versioned together, so the next load
      // gets the new build whole.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const scope = self.registration.scope;
  if (req.method !== "GET" || !req.url.startsWith(scope)) return;
  const url = new URL(req.url);
  const path = url.origin + url.pathname;
  const page = req.mode === "navigate" && (path === scope || path === INDEX);
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(page ? INDEX : req, { ignoreSearch: page });
      // Cache first; anything not precached (or a cache lost) goes to the network.
      return hit || fetch(req);
    })(),
  );
});
