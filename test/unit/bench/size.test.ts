// bench/size.mjs on a small built extension written here: the content
// script's first paint (its script, the panel's file it imports by address,
// and what that file imports before it runs) is held to the budget; the
// chunks the panel loads on first use are counted apart, not dropped.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { measureSizes } from '../../../bench/size.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A build as vite.config.ts makes it: each file's text, by its path. */
function build(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lct-size-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  const manifest = {
    background: { service_worker: 'worker.js' },
    action: { default_popup: 'popup.html' },
    side_panel: { default_path: 'popup.html' },
  };
  const all = { 'manifest.json': JSON.stringify(manifest), 'worker.js': '', 'popup.html': '', ...files };
  for (const [path, text] of Object.entries(all)) writeFileSync(join(dir, path), text);
  return dir;
}

// text that does not compress away, so that each file's share is plain
const noise = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 7919 + seed * 104729) % 65521).toString(36)).join(',');
const gz = (text: string) => gzipSync(text, { level: 9 }).length;

describe('the content script size', () => {
  const script = `const p="assets/panel.tsx-A.js";await import(chrome.runtime.getURL(p));${noise(200, 1)}`;
  const panel = `const{t:e}=await import(chrome.runtime.getURL(\`assets/i18n-B.js\`));var L=()=>import(chrome.runtime.getURL(\`assets/RoomNotes-C.js\`)).then(e=>e.RoomNotes);${noise(400, 2)}`;
  const shared = `export const t=1;${noise(300, 3)}`;
  const notes = `const{t:e}=await import(chrome.runtime.getURL(\`assets/i18n-B.js\`)),{d:f}=await import(chrome.runtime.getURL(\`assets/Dialog-D.js\`));${noise(300, 4)}`;
  const dialog = `export const d=1;${noise(100, 5)}`;
  const files = {
    'assets/content-script.ts-X.js': script,
    'assets/panel.tsx-A.js': panel,
    'assets/i18n-B.js': shared,
    'assets/RoomNotes-C.js': notes,
    'assets/Dialog-D.js': dialog,
  };

  it('holds the first paint to the budget and shows what loads on use beside it', () => {
    const sizes = measureSizes(build(files));
    const firstPaint = gz(script) + gz(panel) + gz(shared);
    expect(sizes.content).toEqual({ gzipBytes: firstPaint, files: 3, budget: 20 * 1024, withinBudget: true });
    // the lazy Notes tab and the dialog it imports, and the chunk they share with the panel once
    expect(sizes.contentAll).toEqual({ gzipBytes: firstPaint + gz(notes) + gz(dialog), files: 5 });
  });

  it('fails the budget on the first paint alone', () => {
    const big = `export const t=1;//${randomBytes(30 * 1024).toString('base64')}`;
    expect(gz(big)).toBeGreaterThan(20 * 1024);
    expect(measureSizes(build({ ...files, 'assets/i18n-B.js': big })).content.withinBudget).toBe(false);
    // a big lazy chunk is shown, and does not fail the first paint
    const sizes = measureSizes(build({ ...files, 'assets/RoomNotes-C.js': big }));
    expect(sizes.content.withinBudget).toBe(true);
    expect(sizes.contentAll.gzipBytes).toBeGreaterThan(20 * 1024);
  });
});
