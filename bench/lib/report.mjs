// The bench's table: one row per figure with its baseline and their ratio,
// as plain text for the terminal and as Markdown for the README.

const fmt = (value, unit) => {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'ms':
      return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ms`;
    case 'bytes':
      return value >= 2 ** 20 ? `${(value / 2 ** 20).toFixed(1)} MB` : value >= 1024 ? `${(value / 1024).toFixed(1)} KB` : `${value} B`;
    case 'gz':
      return `${(value / 1024).toFixed(1)} KB gz`;
    case '/s':
      return `${Math.round(value)}/s`;
    default:
      return `${value} ${unit ?? ''}`.trim();
  }
};

/** A value with the min–max of its runs, when it was taken more than once and they differ. */
const withRange = (value, range, unit) => {
  const shown = fmt(value, unit);
  if (!range) return shown;
  const [low, high] = range.map((v) => fmt(v, unit));
  if (low === high) return shown;
  // "12.1–19.4 ms", or "980.0 KB–1.2 MB" when the units differ
  const unitOf = (text) => text.replace(/^[^ ]* ?/, '');
  return `${shown} (${unitOf(low) === unitOf(high) ? low.replace(/ .*/, '') : low}–${high})`;
};

/** Rows of [figure, extension, baseline, ratio, note] from results.figures; a figure of several runs shows its median with their min–max. */
export function tableRows(figures) {
  return Object.values(figures).map((f) => [
    f.label,
    f.value === null ? `n/a${f.failed ? ' FAIL' : ''}` : `${withRange(f.value, f.range, f.unit)}${f.failed ? ' FAIL' : ''}`,
    f.baseline === null || f.baseline === undefined
      ? '—'
      : `${withRange(f.baseline, f.baselineRange, f.baselineUnit ?? f.unit)}${f.baselineLabel ? ` (${f.baselineLabel})` : ''}`,
    f.ratio === null || f.ratio === undefined ? '—' : `${f.ratio}×`,
    f.value === null ? `not measured: ${f.reason ?? 'unknown'}` : (f.note ?? ''),
  ]);
}

const HEADER = ['Figure', 'Ours', 'Baseline', 'Ratio', 'Note'];

export function textTable(figures) {
  const rows = [HEADER, ...tableRows(figures)];
  const widths = HEADER.map((_, i) => Math.min(i === 4 ? 90 : 60, Math.max(...rows.map((r) => r[i].length))));
  const line = (r) =>
    r.map((cell, i) => (cell.length > widths[i] ? `${cell.slice(0, widths[i] - 1)}…` : cell.padEnd(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const mdCell = (text) => text.replace(/\|/g, '\\|');

export function markdown(results) {
  const m = results.machine;
  const lines = [
    `## Benchmarks (\`npm run bench\`, ${results.generatedAt.slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}; Node ${m.node}, Chromium ${m.chromium} (headless)${m.firefox ? `, firefox-esr ${m.firefox} (headless)` : ''}, Prosody ${m.prosody} with our module. Whole run: ${results.durationS} s.`,
    '',
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map(() => '---').join(' | ')} |`,
    ...tableRows(results.figures).map((r) => `| ${r.map(mdCell).join(' | ')} |`),
    '',
    "Baselines are measured in the same run on the same machine: a raw browser client (`bench/baseline/raw-client.js`: plain WebSocket, hand-written stanzas, SCRAM-SHA-1 on `crypto.subtle`, a plain list) doing the same round trips, one blank frame for the warm tab, the raw client's own size for sizes, and the 10-item node for the server figures. A ratio is ours ÷ baseline.",
    '',
    `Each browser figure (cold start, warm tab, propagation, scale) is taken in ${results.browserRuns ?? 3} runs of its own: the table gives the median of the runs with their min–max in brackets, and the ratio of the medians.`,
    '',
    'How each figure is taken:',
    "- *Worker*: the worker's own code bundled for Node (`bench/lib/worker-costs.ts`): the CPU time to read a 5,000-item fetch result from the stanza's text to the room's records (the worker's XML reader, stanzas.ts, codec.ts), median of 7 reads; and the bytes a view's port is given for one toggle in that room (RoomViewState → router → port, as JSON), beside the whole view every change pushed before deltas. The same two for the notes node at its maximum: a 5,000-note fetch (every other note about a participant), and one note's text edited.",
    "- *Cold start*: a fresh Chromium profile with the extension enabled opens the demo watch page as alice; from the page's navigation start until every task of the room is in the panel and the next frame runs. The raw client starts at the same page's document start (room and credentials from the same PeerTube APIs, then XMPP). In Firefox: a fresh firefox-esr profile with the Firefox build, alice logged in and the extension enabled on a page without chat (no XMPP session yet; the tests' driver, `test/helpers/extension-browser.ts`), then the watch page loaded, timed the same way; its baseline is the same raw client in Chromium.",
    "- *Warm tab*: the room already open in one tab, ten more tabs of it; from the panel's element entering the page until all tasks are painted. Observed from the page (MutationObserver on the panel's shadow root), no hooks in the extension.",
    "- *Propagation*: alice and bob in two Chromium profiles; alice clicks done, adds a task (Enter) or moves one (keyboard) in turn, 200 edits; from alice's trusted input event to the change in bob's DOM, both as `performance.timeOrigin + now()`. In Firefox: the same edits with alice and bob in two firefox-esr profiles (WebDriver BiDi input), beside the same raw → raw baseline.",
    '- *Scale*: a raw client fills the second demo room to its 5,000-item maximum (50 lists of 99 tasks); first paint from navigation start; toggle and keyboard move timed until shown and until the server confirmed them; heap after a forced GC over CDP; frames timed with requestAnimationFrame while the panel scrolls 200 px per frame (600 frames at most) before any edit.',
    '- *Server*: `bench/server.mjs` with an independent raw client on loopback; the full data is in `bench/results.json` (`details.server`).',
    results.failures.length ? `\n**Failed:** ${results.failures.join('; ')}.` : '\nEvery budget and limit held.',
    '',
  ];
  return lines.join('\n');
}
