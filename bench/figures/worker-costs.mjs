// Figure 6: the worker's own costs at the node's maximum (bench/lib/worker-costs.ts,
// the worker's code bundled for Node by Vite): CPU to read a 5,000-item fetch
// (median of 7 reads, each in a fresh parser) and the bytes a view is pushed
// for one toggle, beside the whole view that every change used to push.
// The median is of warm reads; the first read, in code the JIT has not yet
// optimized, is what a worker pays (it reads a room's fetch once), 2-4 times
// as much: told beside it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { median, round } from '../lib/stats.mjs';

const READS = 7;
export const FETCH_CPU_GOAL_MS = 100;

async function load() {
  const out = mkdtempSync(join(tmpdir(), 'lct-bench-worker-costs-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      ssr: { noExternal: true },
      build: {
        ssr: resolve('bench/lib/worker-costs.ts'),
        outDir: out,
        emptyOutDir: true,
        minify: false,
        rollupOptions: { output: { format: 'es', entryFileNames: 'worker-costs.mjs' } },
      },
    });
    return await import(pathToFileURL(join(out, 'worker-costs.mjs')).href);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function workerCosts() {
  const costs = await load();
  const xml = costs.bigFetchResult();
  const reads = [];
  let items;
  let count = 0;
  for (let i = 0; i < READS; i++) ({ cpuMs: reads[i], items, count } = costs.readFetch(xml));
  const cpu = median(reads);
  const bytes = await costs.bytesPerToggle(items);
  return {
    workerFetchCpu: {
      unit: 'ms',
      value: round(cpu),
      baseline: null,
      ratio: null,
      range: [round(Math.min(...reads)), round(Math.max(...reads))],
      note: `${count} items, ${(xml.length / 2 ** 20).toFixed(1)} MB of XML: stanza text to the room's records (the worker's XML reader, stanzas.ts, codec.ts); median of ${READS} reads; goal well under ${FETCH_CPU_GOAL_MS} ms; the first read (cold code, as in a worker) ${round(reads[0])} ms`,
    },
    bytesPerChange: {
      unit: 'bytes',
      value: bytes.toggle,
      baseline: bytes.whole,
      baselineLabel: 'whole view',
      ratio: round(bytes.toggle / bytes.whole, 4),
      note: `one toggle in the ${count}-item room, as the port's JSON (${bytes.kind}); the baseline is the whole view, what every change pushed before deltas`,
    },
    detail: {
      readsCpuMs: reads.map((v) => round(v)),
      firstReadCpuMs: round(reads[0]),
      xmlBytes: xml.length,
      wholeViewBytes: bytes.whole,
      toggleBytes: bytes.toggle,
    },
  };
}
