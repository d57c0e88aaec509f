// What the page script imports once the panel may show (index.ts). The
// panel's code is in the chunk it shares with the extension pages (see
// panelInOneChunk in vite.config.ts); this re-export is the small file that
// dynamic import loads and that points there.
export { mountPanel } from './panel';
