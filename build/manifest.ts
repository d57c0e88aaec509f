// The one place where the two browsers' manifests differ: manifest.json is
// Chrome's, and manifestFor() derives each build's manifest from it. The
// bundler plugins (vite.config.ts) only consume the result.
import base from '../manifest.json' with { type: 'json' };
import pkg from '../package.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';

export const GECKO_ID = 'livechat-tasks@livechat-tasks.org';

/**
 * The oldest browsers the build supports. Firefox 140 is the first with
 * `data_collection_permissions` on desktop, and Firefox for Android 142 the
 * first on Android (web-ext lint warns below it); Chrome 123 the first with
 * CSS light-dark() colour schemes and unprefixed masks, so the page panel's
 * stylesheets ship without lightningcss's fallbacks for older ones.
 */
export const MIN_CHROME = 123;
export const MIN_FIREFOX = 140;
export const MIN_FIREFOX_ANDROID = 142;

/** The Firefox sidebar's page: the same page as Chrome's side panel. */
const SIDEBAR_PAGE = base.side_panel.default_path;

/**
 * Pages a manifest names that crxjs does not know as entries (it bundles the
 * popup, options, side_panel and background it finds in a Chrome manifest):
 * they must be bundled as extra inputs, or the build names a page it lacks.
 */
export function extraPages(target: Target): string[] {
  return target === 'firefox' ? [SIDEBAR_PAGE] : [];
}

/**
 * One manifest for both browsers; Firefox gets an event page, a sidebar
 * instead of the side panel, and its gecko settings.
 * localCsp (LCT_LOCAL_CSP=1: demo and tests) lets extension pages reach
 * ws://127.0.0.1, which Firefox's default CSP would upgrade to wss:// and
 * break.
 */
export function manifestFor(target: Target, localCsp: boolean): Record<string, unknown> {
  const m: Record<string, unknown> = structuredClone(base);
  m.version = pkg.version;
  if (localCsp) {
    m.content_security_policy = {
      extension_pages:
        "script-src 'self'; object-src 'self'; connect-src 'self' https: wss: http://127.0.0.1:* ws://127.0.0.1:* http://localhost:* ws://localhost:*",
    };
    // The demo site and the end-to-end tests run on 127.0.0.1: granting that host
    // at install spares them the browser's permission prompt, which automation
    // cannot answer. Enabling the instance still goes through the popup's flow.
    m.host_permissions = ['http://127.0.0.1/*'];
  }
  if (target === 'chrome') m.minimum_chrome_version = String(MIN_CHROME);
  // The content script's two module files (crxjs fills the list in): on every
  // http(s) page, since which instances get the script is only known at run
  // time, but on Chrome only at the per-session address runtime.getURL gives
  // the content script, so a page cannot probe chrome-extension://<id>/ to
  // learn the extension is installed. Firefox has no such flag: its
  // moz-extension:// host is already a random id per install.
  m.web_accessible_resources = [{ resources: ['<dynamic_resource>'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }];
  if (target === 'firefox') {
    const { service_worker } = m.background as { service_worker: string };
    m.background = { scripts: [service_worker], type: 'module' };
    delete m.side_panel;
    m.sidebar_action = {
      default_panel: SIDEBAR_PAGE,
      default_title: '__MSG_extName__',
      default_icon: { '16': 'icons/16.png', '32': 'icons/32.png' },
      open_at_install: false,
    };
    m.permissions = (m.permissions as string[]).filter((p) => p !== 'sidePanel');
    m.browser_specific_settings = {
      gecko: { id: GECKO_ID, strict_min_version: `${MIN_FIREFOX}.0`, data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: `${MIN_FIREFOX_ANDROID}.0` },
    };
  }
  return m;
}
