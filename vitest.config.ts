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
        },
      },
    ],
  },
});
