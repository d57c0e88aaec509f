#!/usr/bin/env node
// npm run soak -- [--seconds N] [--seed S]: the soak of test/soak/soak.ts for
// N seconds (default 600), with seed S (default: a new one, printed), against
// a private Prosody. The same seed replays the same edits and faults.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ensureNodeModules } from './lib/node-modules.mjs';
import { ensureDebianPackages } from './lib/system.mjs';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '600' }, seed: { type: 'string' } } });
const seconds = Number(values.seconds);
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
if (!Number.isFinite(seconds) || seconds <= 0 || !/^\d+$/.test(seed)) {
  console.error('usage: npm run soak -- [--seconds N] [--seed S]');
  process.exit(2);
}
ensureNodeModules();
ensureDebianPackages(['prosody'], 'the soak runs a real Prosody');
console.log(`soak: ${seconds} s, seed ${seed}`);
const run = spawnSync('node', ['--import', './scripts/lib/node20.mjs', 'node_modules/vitest/vitest.mjs', 'run', '--project', 'integration',
  'test/integration/soak.test.ts'], { stdio: 'inherit', env: { ...process.env, SOAK_SECONDS: String(seconds), SOAK_SEED: seed } });
console.log(`soak: seed ${seed} ${run.status === 0 ? 'passed' : 'FAILED'} (replay: npm run soak -- --seconds ${seconds} --seed ${seed})`);
process.exit(run.status ?? 1);
