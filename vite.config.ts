import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import base from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';

const GECKO_ID = 'livechat-tasks@livechat-tasks.org';

/**
 * The oldest browsers the build supports. Firefox 140 is the first with
 * `data_collection_permissions`; Chrome 123 the first with CSS light-dark()
 * colour schemes and unprefixed masks, so the page panel's stylesheets ship
 * without lightningcss's fallbacks for older ones.
 */
const MIN_CHROME = 123;
const MIN_FIREFOX = 140;

/**
 * One manifest for both browsers (manifest.json is Chrome's); Firefox gets an
 * event page, a sidebar instead of the side panel, and its gecko settings.
 * LCT_LOCAL_CSP=1 (demo and tests) lets extension pages reach ws://127.0.0.1,
 * which Firefox's default CSP would upgrade to wss:// and break.
 */
export function manifestFor(target: Target, localCsp: boolean) {
  const m: Record<string, unknown> = structuredClone(base);
  m.version = pkg.version;
  if (localCsp) {
    m.content_security_policy = {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self' https: wss: http://127.0.0.1:* ws://127.0.0.1:* http://localhost:* ws://localhost:*",
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
      default_panel: 'src/sidepanel/index.html',
      default_title: '__MSG_extName__',
      default_icon: { '16': 'icons/16.png', '32': 'icons/32.png' },
      open_at_install: false,
    };
    m.permissions = (m.permissions as string[]).filter((p) => p !== 'sidePanel');
    m.browser_specific_settings = {
      gecko: { id: GECKO_ID, strict_min_version: `${MIN_FIREFOX}.0`, data_collection_permissions: { required: ['none'] } },
    };
  }
  return m as unknown as ManifestV3Export;
}

/**
 * Vite wraps every dynamic import in a helper (1.6 kB) that first adds
 * <link rel="modulepreload"> tags for the imported chunk's dependencies. Our
 * one dynamic import is the content script's panel, and there the document
 * is the PeerTube page: links to moz-extension://<install uuid>/ would show
 * the page who we are (a fingerprint). So the helper just imports.
 */
function importWithoutPreload(): Plugin {
  return {
    name: 'lct:import-without-preload',
    apply: 'build',
    enforce: 'pre',
    load: {
      filter: { id: /^\0vite\/preload-helper\.js$/ },
      handler: () => 'export const __vitePreload = (load) => load();',
    },
  };
}

/**
 * The worker's XML parser (@xmldom/xmldom, see src/background/xmpp/dom-shim.ts)
 * only ever parses 'text/xml' (strophe and our own calls), which knows the
 * five predefined entities. xmldom also bundles the HTML5 table of 2,000+
 * named entities (11 kB gzipped, a sixth of the worker) for 'text/html',
 * which we never parse: the worker gets the XML table in its place.
 */
function xmlEntitiesOnly(): Plugin {
  const id = '\0lct:xmldom-entities';
  return {
    name: 'lct:xmldom-xml-entities-only',
    enforce: 'pre',
    resolveId: {
      filter: { id: /^\.\/entities(\.js)?$/ },
      handler: (_source, importer) => (importer && /[\\/]@xmldom[\\/]xmldom[\\/]lib[\\/]/.test(importer) ? id : null),
    },
    load: {
      filter: { id: /^\0lct:xmldom-entities$/ },
      handler: () =>
        `export const XML_ENTITIES = Object.freeze({ amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' });
export const HTML_ENTITIES = XML_ENTITIES;
export const entityMap = XML_ENTITIES;`,
    },
  };
}

/**
 * JSX compiles to preact's createElement, which the renderer bundles anyway,
 * instead of the automatic runtime's jsx() (preact/jsx-runtime): one vnode
 * factory in the panel's chunk instead of two, and shorter calls (children
 * as arguments rather than a `children` array): 140 bytes gzipped off the
 * content script. Build only: type checking and the unit tests keep the
 * automatic runtime, whose output renders the same. The injected names are
 * ones no source file declares, so no local variable can shadow them.
 */
function classicJsx(): Plugin[] {
  return [
    {
      name: 'lct:classic-jsx-config',
      apply: 'build',
      // after the preact preset, which asks for the automatic runtime
      enforce: 'post',
      config: () => ({ oxc: { jsx: { runtime: 'classic', pragma: '__lctJsx', pragmaFrag: '__lctFragment' } } }),
    },
    {
      name: 'lct:classic-jsx-import',
      apply: 'build',
      enforce: 'pre',
      transform: {
        filter: { id: /\.tsx(\?|$)/ },
        handler: (code) => `import { createElement as __lctJsx, Fragment as __lctFragment } from 'preact';\n${code}`,
      },
    },
  ];
}

/**
 * The content script's budget (bench/size.mjs) counts every file it loads,
 * each gzipped on its own. Left to itself, the bundler puts what the page's
 * code shares with the worker and the extension pages (the message sender,
 * src/core, preact, the ui) in shared chunks: files of their own, each with
 * import and export lists, and export lists sized for the extension pages.
 * Here the page's two parts each get their own copy of every module they
 * import: the always-loaded part (what src/content/index.ts imports) and the
 * panel (what src/content/panel.tsx, its own file that the first imports on
 * demand by address, imports). Each is then one file that no other context
 * loads and that imports nothing: the first is registered as it is (crxjs
 * needs no module loader for a script without imports), the second needs no
 * relative import, which Chrome's per-session address (see manifestFor)
 * would break (Chromium serves it by redirecting to the fixed address, which
 * the resources may not be loaded from). Both parts carry their own copy of
 * the stateless extension API lookup (src/ext.ts).
 */
function pageCopies(): Plugin {
  const parts = [
    { root: /[\\/]src[\\/]content[\\/]index\.ts$/, tag: 'lct-content' },
    { root: /[\\/]src[\\/]content[\\/]panel\.tsx$/, tag: 'lct-panel' },
  ];
  const TAG = /[?&]lct-(content|panel)$/;
  const partOf = (id: string) => parts.find((p) => p.root.test(id) || id.endsWith(p.tag))?.tag;
  return {
    name: 'lct:page-copies',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      // `?script` imports are crxjs's: the panel's file, which is the panel's root
      const tag = importer && options.kind !== 'dynamic-import' && !source.includes('?script') ? partOf(importer) : undefined;
      if (!importer || !tag) return null;
      const resolved = await this.resolve(source, importer.replace(TAG, ''), { ...options, skipSelf: true });
      // the other part's root (the panel, imported by its address) stays itself
      if (!resolved || resolved.external || resolved.id.startsWith('\0') || parts.some((p) => p.root.test(resolved.id))) return null;
      return `${resolved.id}${resolved.id.includes('?') ? '&' : '?'}${tag}`;
    },
  };
}

export default defineConfig(() => {
  const target = (process.env.LCT_TARGET ?? 'chrome') as Target;
  const localCsp = process.env.LCT_LOCAL_CSP === '1';
  return {
    plugins: [importWithoutPreload(), ...classicJsx(), pageCopies(), xmlEntitiesOnly(), preact(), crx({ manifest: manifestFor(target, localCsp), browser: target })],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      cssTarget: [`chrome${MIN_CHROME}`, `firefox${MIN_FIREFOX}`],
      sourcemap: false,
      minify: true,
      // No <link rel="modulepreload"> anywhere (see importWithoutPreload), and
      // no polyfill for it: both browsers we support have it.
      modulePreload: false,
    },
    server: { port: 5174, strictPort: true, cors: { origin: [/chrome-extension:\/\//] } },
  };
});
