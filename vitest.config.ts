import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Three suites, each runnable alone (npm run test:unit|test:integration|test:e2e):
// unit: pure code and preact components (happy-dom), no server;
// integration: protocol and sync code against a real Prosody on loopback;
// e2e: the built extension in Debian's Chromium (and Firefox ESR) against the demo site.
export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // The tests of rooms of thousands of items take 1-2 s alone and 4 s on a 2-core machine busy with
          // browsers; a timeout here only stops a test that hangs, it times nothing.
          testTimeout: 20_000,
          setupFiles: ['test/unit/preload-parts.ts'],
          // The page panel's own stylesheets (src/content/*.css) load for real: tests check they apply.
          css: { include: [/[\\/]src[\\/]content[\\/][^\\/]+\.css(?:\?|$)/] },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // The CI machine has 2 cores and runs the unit and integration projects beside these
          // files: a browser flow that loses a race with the load (seen: a CDP touch drag whose
          // drop went missing, a Firefox alert window read before it was filled in) gets one more
          // try. A real failure fails twice; every retry is printed in the run's output.
          retry: 1,
        },
      },
    ],
  },
});
