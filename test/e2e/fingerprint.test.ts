// In Chromium with the built extension: the page panel's files are web
// accessible (the content script imports them), but only at the extension's
// per-session address (use_dynamic_url, see vite.config.ts). Even the
// enabled PeerTube page that shows the panel cannot load them at the fixed
// chrome-extension://<id>/ address, the way a site would test whether a
// visitor has the extension installed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithAlice, type UserBrowser } from '../helpers/browser.ts';
import { EXTENSION_DIR, type DemoStack } from '../helpers/demo.ts';

let stack: DemoStack;
let alice: UserBrowser;

beforeAll(async () => {
  ({ stack, alice } = await startWithAlice());
});

afterAll(async () => {
  await alice?.close();
  await stack?.stop();
});

describe('the extension seen from a web page', () => {
  it('shows the panel, yet the page cannot load any of its web accessible files by the extension id', async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR.chrome, 'manifest.json'), 'utf8')) as {
      web_accessible_resources: { resources: string[] }[];
    };
    const files = manifest.web_accessible_resources.flatMap((r) => r.resources);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const loaded = await alice.page.evaluate(async (url) => {
        try {
          return (await fetch(url)).ok;
        } catch {
          return false;
        }
      }, `chrome-extension://${alice.extensionId}/${file}`);
      expect(loaded, file).toBe(false);
    }
  });
});
