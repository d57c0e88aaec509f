// Debian's Chromium with the built extension loaded, for `npm start` and the
// end-to-end tests (playwright-core; Playwright's own browser downloads do not
// work here, and branded Chrome no longer takes --load-extension).
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function chromiumArgs(extensionDir) {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

/**
 * Launches Chromium on a profile folder with the extension and resolves once
 * its service worker runs: { context, worker, extensionId }.
 */
export async function launchChromium({ extensionDir, profileDir, headless = true, viewport = { width: 1366, height: 860 } }) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless,
    viewport: headless ? viewport : null,
    args: chromiumArgs(extensionDir),
  });
  try {
    const isOurs = (w) => w.url().startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }));
    return { context, worker, extensionId: new URL(worker.url()).host };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * Enables the extension on `origin` as the popup's "Enable" does after the
 * browser granted the host: an extension page asks the background. Local
 * builds (LCT_LOCAL_CSP=1) hold http://127.0.0.1 from install, so no prompt
 * appears; the background registers the content script for the origin.
 */
export async function enableInstance(context, extensionId, origin) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
    const reply = await page.evaluate((o) => chrome.runtime.sendMessage({ type: 'view/instance-enable', origin: o }), origin);
    if (!reply?.ok) throw new Error(`enabling ${origin} failed: ${JSON.stringify(reply)}`);
  } finally {
    await page.close();
  }
}
