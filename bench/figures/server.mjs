// Figure 6: the server's own figures from bench/server.mjs (issue 8), each
// beside the same figure on a 10-item node of the same run (with Nagle's
// algorithm off, as the backend runs; the retrieval also with it on).
import { runServerBench } from '../server.mjs';
import { ratio } from '../lib/stats.mjs';

export async function serverFigures() {
  const bench = await runServerBench();
  const off = bench.runs.find((r) => r.nagle === 'off');
  const on = bench.runs.find((r) => r.nagle === 'on');
  const at = (run, size) => run?.sizes.find((s) => s.size === size);
  const small = at(off, 10);
  const full = at(off, 5000);
  const row = (unit, value, baseline, note, baselineLabel = '10 items') => ({
    unit,
    value,
    baseline,
    baselineLabel,
    ratio: ratio(value, baseline),
    note,
  });
  const mid = at(off, 1000);
  return {
    serverPublishRate: row(
      '/s',
      full.publishesPerSecond,
      small.publishesPerSecond,
      `one publish in flight; 1,000 items: ${Math.round(mid.publishesPerSecond)}/s; goal ≥ 150/s`,
    ),
    serverPropagation: row(
      'ms',
      full.publishToNotificationMs.p50,
      small.publishToNotificationMs.p50,
      `1,000 items: ${mid.publishToNotificationMs.p50} ms; goal ≤ 2× the 10-item value`,
    ),
    serverPropagationP95: row(
      'ms',
      full.publishToNotificationMs.p95,
      small.publishToNotificationMs.p95,
      `1,000 items: ${mid.publishToNotificationMs.p95} ms`,
    ),
    serverFanout: row(
      'ms',
      off.fanout.lastSubscriberMs.p50,
      small.publishToNotificationMs.p50,
      `p95 ${off.fanout.lastSubscriberMs.p95} ms; baseline: one subscriber`,
      '1 subscriber',
    ),
    serverRetrieval: row('ms', full.retrievalMs.p50, small.retrievalMs.p50, `${full.retrievalMs.items} items; goal < 100 ms`),
    serverRetrievalNagle: on
      ? row('ms', at(on, 5000).retrievalMs.p50, at(on, 10).retrievalMs.p50, "Prosody's default setting; the backend runs with Nagle off")
      : undefined,
    serverRaw: undefined,
    detail: bench,
  };
}
