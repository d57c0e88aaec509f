#!/usr/bin/env node
// npm run soak -- [--seconds N] [--seed S] [--runs R]: the soak of
// test/soak/soak.ts for N seconds (default 600) with seed S (default: a new
// one, printed), R times with seeds S, S+1, … (default once), each against a
// fresh private Prosody. The same seed replays the same edits and faults.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ensureNodeModules } from './lib/node-modules.mjs';
import { ensureDebianPackages } from './lib/system.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '600' },
    seed: { type: 'string' },
    runs: { type: 'string', default: '1' },
  },
});
const seconds = Number(values.seconds);
const runs = Number(values.runs);
const first = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
if (!(seconds > 0) || !(runs >= 1) || !/^\d+$/.test(first)) {
  console.error('usage: npm run soak -- [--seconds N] [--seed S] [--runs R]');
  process.exit(2);
}
ensureNodeModules();
ensureDebianPackages(['prosody'], 'the soak runs a real Prosody');
const failed = [];
for (let i = 0; i < runs; i++) {
  const seed = String(Number(first) + i);
  console.log(`soak: ${seconds} s, seed ${seed} (${new Date().toISOString()})`);
  const run = spawnSync(
    'node',
    [
      '--import',
      './scripts/lib/node20.mjs',
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      'integration',
      'test/integration/soak.test.ts',
    ],
    { stdio: 'inherit', env: { ...process.env, SOAK_SECONDS: String(seconds), SOAK_SEED: seed } },
  );
  if (run.status !== 0) failed.push(seed);
  console.log(`soak: seed ${seed} ${run.status === 0 ? 'passed' : 'FAILED'} (replay: npm run soak -- --seconds ${seconds} --seed ${seed})`);
}
console.log(`soak: ${runs - failed.length} of ${runs} runs passed${failed.length ? `; failed seeds: ${failed.join(', ')}` : ''}`);
process.exit(failed.length ? 1 : 0);
