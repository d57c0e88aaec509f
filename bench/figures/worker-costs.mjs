// Figure 6: the worker's own costs at the node's maximum (bench/lib/worker-costs.ts,
// the worker's code bundled for Node by Vite): CPU to read a 5,000-item fetch
// (median of 7 reads, each in a fresh parser) and the bytes a view is pushed
// for one toggle, beside the whole view that every change used to push; the
// same for the notes node: a 5,000-note fetch, one note edited.
// The median is of warm reads; the first read, in code the JIT has not yet
// optimized, is what a worker pays (it reads a room's fetch once), 2-4 times
// as much: told beside it (the notes' first read comes after the tasks' reads
// warmed the XML reader).
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

/** Median CPU of READS reads of `xml` by `read`, with the items of the last read. */
function reads(read, xml) {
  const times = [];
  let last;
  for (let i = 0; i < READS; i++) {
    last = read(xml);
    times.push(last.cpuMs);
  }
  return { times, items: last.items, count: last.count };
}

const cpuFigure = ({ times, count }, xml, what) => ({
  unit: 'ms',
  value: round(median(times)),
  baseline: null,
  ratio: null,
  range: [round(Math.min(...times)), round(Math.max(...times))],
  note: `${count} ${what}, ${(xml.length / 2 ** 20).toFixed(1)} MB of XML: stanza text to the room's records (the worker's XML reader, stanzas.ts, the node's codec); median of ${READS} reads; goal well under ${FETCH_CPU_GOAL_MS} ms; the first read (cold code, as in a worker) ${round(times[0])} ms`,
});

const bytesFigure = (bytes, what) => ({
  unit: 'bytes',
  value: bytes.change,
  baseline: bytes.whole,
  baselineLabel: 'whole view',
  ratio: round(bytes.change / bytes.whole, 4),
  note: `${what}, as the port's JSON (${bytes.kind}); the baseline is the whole view, what every change pushed before deltas`,
});

export async function workerCosts() {
  const costs = await load();
  const xml = costs.bigFetchResult();
  const tasks = reads(costs.readFetch, xml);
  const toggle = await costs.bytesPerToggle(tasks.items);
  const notesXml = costs.bigNotesResult();
  const notes = reads(costs.readNotesFetch, notesXml);
  const noteEdit = await costs.bytesPerNoteEdit(notes.items);
  return {
    workerFetchCpu: cpuFigure(tasks, xml, 'items'),
    bytesPerChange: bytesFigure(toggle, `one toggle in the ${tasks.count}-item room`),
    workerNotesFetchCpu: cpuFigure(notes, notesXml, 'notes'),
    bytesPerNoteChange: bytesFigure(noteEdit, `one note's text edited in a room of ${notes.count} notes`),
    detail: {
      readsCpuMs: tasks.times.map((v) => round(v)),
      firstReadCpuMs: round(tasks.times[0]),
      xmlBytes: xml.length,
      wholeViewBytes: toggle.whole,
      toggleBytes: toggle.change,
      notesReadsCpuMs: notes.times.map((v) => round(v)),
      notesXmlBytes: notesXml.length,
      notesWholeViewBytes: noteEdit.whole,
      noteEditBytes: noteEdit.change,
    },
  };
}
