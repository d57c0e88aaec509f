// Gzipped bytes of everything each context of the built extension loads,
// following static and dynamic imports from its entry, against budgets that
// fail the run (issue 7 item 5). The content context is told twice (issue
// 16): `content` is its first paint, the registered script and the panel's
// file with what that file imports before it runs, which the budget holds;
// `contentAll` adds every chunk the panel loads on first use (a dynamic
// import), shown without a budget.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS = { content: 20 * 1024, worker: 70 * 1024 };

// static `import … from "x"`, dynamic `import("x")`, and crxjs's content
// script loader, which imports `chrome.runtime.getURL("assets/x.js")`
const IMPORT_RE = /(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*|\.getURL\(\s*)["'`]([^"'`]+\.js)["'`]/g;
const HTML_RE = /(?:src|href)="([^"]+\.(?:js|css))"/g;

// a file of the extension named in the code, which it may import by address
// (the content script imports its panel with runtime.getURL(<name>))
const NAMED_FILE_RE = /["'`](assets\/[^"'`]+\.js)["'`]/g;

// what the panel's chunks import before they run: their static imports,
// or, in a chunk loaded by address (Chrome's per-session one), an
// `await import(chrome.runtime.getURL("…"))` at its top; a lazy part's
// import has no await
const STATIC_RE = /(?:\bfrom\s*|\bimport\s*|\bawait\s+import\s*\(\s*chrome\.runtime\.getURL\(\s*)["'`]([^"'`]+\.js)["'`]/g;

/**
 * Files reachable from `entry` (relative to dir): static and dynamic imports
 * (with `onUse: false`, static ones only), and with `named`, the script files
 * the code names (with `onUse: false`, those the entry names: the panel).
 */
function closure(dir, entry, { named = false, onUse = true } = {}) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(join(dir, file))) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(onUse ? IMPORT_RE : STATIC_RE)) {
      const root = m[1].startsWith('/') || m[0].includes('getURL');
      const target = root ? m[1].replace(/^\//, '') : posix.join(posix.dirname(file), m[1]);
      visit(posix.normalize(target));
    }
    if (named && (onUse || file === entry)) for (const m of code.matchAll(NAMED_FILE_RE)) visit(m[1]);
  };
  visit(entry);
  return [...seen];
}

function htmlClosure(dir, page) {
  const html = readFileSync(join(dir, page), 'utf8');
  const files = new Set([page]);
  for (const m of html.matchAll(HTML_RE)) {
    const f = m[1].startsWith('/') ? m[1].slice(1) : posix.join(posix.dirname(page), m[1]);
    for (const x of f.endsWith('.js') ? closure(dir, f) : [f]) files.add(x);
  }
  return [...files];
}

const gz = (dir, files) => files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);

/**
 * The file the worker registers as the content script: the script crxjs
 * builds from src/background/content-script.ts, or its loader when the
 * script has static imports (a registered script is classic, not a module).
 * Not finding it fails: a budget that silently stops counting is no budget.
 */
function contentEntry(dir) {
  const scripts = readdirSync(join(dir, 'assets')).filter((f) => /^content-script\.ts-.*\.js$/.test(f));
  const loaders = scripts.filter((f) => f.startsWith('content-script.ts-loader-'));
  const entries = loaders.length ? loaders : scripts;
  if (entries.length !== 1) throw new Error(`size: expected one content script in ${dir}/assets, found ${entries.length}`);
  return `assets/${entries[0]}`;
}

export function measureSizes(dir = 'dist/chrome') {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const contexts = {
    worker: closure(dir, manifest.background.service_worker),
    popup: htmlClosure(dir, manifest.action.default_popup),
    sidepanel: htmlClosure(dir, manifest.side_panel.default_path),
  };
  contexts.content = closure(dir, contentEntry(dir), { named: true, onUse: false });
  contexts.contentAll = closure(dir, contentEntry(dir), { named: true });
  const results = {};
  for (const [name, files] of Object.entries(contexts)) {
    const bytes = gz(dir, files);
    const budget = BUDGETS[name];
    results[name] = { gzipBytes: bytes, files: files.length, ...(budget ? { budget, withinBudget: bytes <= budget } : {}) };
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = measureSizes(process.argv[2]);
  console.log(JSON.stringify(r, null, 2));
  if (Object.values(r).some((x) => x.withinBudget === false)) process.exit(1);
}
