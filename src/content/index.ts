/// <reference types="@crxjs/vite-plugin/client" />
// Content script entry, registered only on the PeerTube origins the user
// enabled. It stays tiny: it reports watch pages to the background (which
// finds their chat room) and checks the user's rights here; the panel (and
// its framework) is imported only for an owner or admin on a watch page with
// a chat. The panel is a file of its own (`?script&module`), imported by the
// address the extension API gives: on Chrome the per-session one, which is
// the only one its web_accessible_resources entry allows (see manifestFor in
// build/manifest.ts).
import { send } from '../send';
import { followWatchPages } from './follow';
import panelFile from './panel.tsx?script&module';
import { watchRights } from './rights';

declare const chrome: { runtime: { getURL(path: string): string } };

// Enabling an instance injects this script into its open tabs, and a page
// loaded meanwhile gets it from the registration: one copy per page is enough
// (injections of one extension share this isolated world).
const scope = globalThis as { __livechatTasksContent?: true };
if (!scope.__livechatTasksContent) {
  scope.__livechatTasksContent = true;
  followWatchPages({
    win: window,
    send,
    watchRights,
    loadPanel: async () => {
      // `chrome.runtime.getURL` spelled out (both browsers have it in content scripts): the one call
      // addons.mozilla.org's linter accepts as a dynamic import's argument.
      const panel: typeof import('./panel') = await import(/* @vite-ignore */ chrome.runtime.getURL(panelFile));
      return panel.mountPanel;
    },
  });
}
