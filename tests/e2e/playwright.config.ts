import { defineConfig } from '@playwright/test';

// Runs against an already-built site served by .ci/test (a plain static server over
// dist/), in Debian's chromium: Playwright's own browser downloads cannot work here.
const baseURL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';

// Every spec starts as a returning visitor: the template gallery a first visit
// opens would cover the page. specs/gallery.spec.ts clears this to test it.
export const GALLERY_SEEN = 'envelope.gallery-seen';

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results/artifacts',
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL,
    storageState: {
      cookies: [],
      origins: [{ origin: new URL(baseURL).origin, localStorage: [{ name: GALLERY_SEEN, value: '1' }] }],
    },
    // The offline service worker would answer the page's requests itself, out of
    // reach of page.route(); the specs about it (offline, subpath, sw-update)
    // allow it again.
    serviceWorkers: 'block',
    browserName: 'chromium',
    // A common laptop screen; the layout at 1280x720 is checked by its own spec.
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
