// Debian's firefox-esr for the bench, through the end-to-end tests' two-browser
// driver (test/helpers/extension-browser.ts, loaded with Vite's module runner as
// scripts/firefox-crash.mjs does): puppeteer-core over WebDriver BiDi, and
// Firefox's remote debugging protocol to reach the extension's pages. One fresh
// profile per launch, with the Firefox build installed and enabled on the demo.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { VIDEO_WITHOUT_CHAT } from '../../demo/catalog.mjs';

const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');
let driver;

/**
 * `user` in a fresh firefox-esr profile with the build in `extensionDir`,
 * logged in on the demo and the extension enabled there, as the driver does
 * it in Firefox (log-in first: see launchUser), on a watch page without chat,
 * so the background holds no XMPP session yet; from then on every page the
 * tab loads gets the bench's probe, told to wait for `expected` tasks.
 * Resolves to the driver's user ({ page, close() …}).
 */
export async function launchFirefox({ demo, extensionDir, user, expected }) {
  driver ??= (await runnerImport(fileURLToPath(new URL('../../test/helpers/extension-browser.ts', import.meta.url)))).module;
  const firefox = await driver.launchUser('firefox', demo.url, user, VIDEO_WITHOUT_CHAT, { extensionDir });
  try {
    await firefox.page.evaluateOnNewDocument(PROBE);
    await firefox.page.evaluateOnNewDocument((n) => {
      window.__lctBench.expected = n;
    }, expected);
    return firefox;
  } catch (error) {
    await firefox.close();
    throw error;
  }
}
