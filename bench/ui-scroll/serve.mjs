// Builds bench/ui-scroll's page (the real TaskApp with 5,000 items) and
// serves it on a free loopback port; for the scroll bench and the
// real-browser drag tests.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import preact from '@preact/preset-vite';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** @returns {Promise<{ url: string, close: () => void }>} */
export async function serveBenchPage() {
  const root = fileURLToPath(new URL('./', import.meta.url));
  const out = mkdtempSync(join(tmpdir(), 'lct-ui-bench-'));
  await build({
    configFile: false,
    root,
    base: './',
    plugins: [preact()],
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true, minify: true, target: 'es2022' },
  });
  const server = createServer((req, res) => {
    try {
      const path = join(out, new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/$/, '/index.html'));
      const body = readFileSync(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => {
      server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}
