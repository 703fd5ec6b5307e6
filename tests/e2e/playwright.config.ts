import { defineConfig } from '@playwright/test';

// Runs against an already-built site served by .ci/test (a plain static server over
// dist/), in Debian's chromium: Playwright's own browser downloads cannot work here.
export default defineConfig({
  testDir: './specs',
  outputDir: './test-results/artifacts',
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:8080/',
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
