import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import base from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';

const GECKO_ID = 'livechat-tasks@livechat-tasks.org';

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
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    };
  }
  return m as unknown as ManifestV3Export;
}

export default defineConfig(() => {
  const target = (process.env.LCT_TARGET ?? 'chrome') as Target;
  const localCsp = process.env.LCT_LOCAL_CSP === '1';
  return {
    plugins: [preact(), crx({ manifest: manifestFor(target, localCsp), browser: target })],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      minify: true,
      // Vite preloads a dynamic import's chunks with <link> tags in the
      // document: in the content script that document is the PeerTube page,
      // which would then see our moz-extension://<install uuid>/ URLs (a
      // fingerprint). The content script loads the panel without them.
      modulePreload: {
        resolveDependencies: (_url, deps, { hostId }) => (hostId.includes('content-script') ? [] : deps),
      },
    },
    server: { port: 5174, strictPort: true, cors: { origin: [/chrome-extension:\/\//] } },
  };
});
