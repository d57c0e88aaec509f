// A short soak in every `npm test` (test/soak/soak.ts): three moderators, two
// with our engine and one as the official client, edit one room at once while
// faults hit them. `npm run soak -- --seconds N --seed S` runs it longer, or
// replays a seed.
import { expect, test, vi } from 'vitest';
import { runSoak } from '../soak/soak';
import { randomSeed } from '../soak/prng';

vi.mock('strophe.js', () => import('./engine/strophe-browser'));

const seconds = Number(process.env.SOAK_SECONDS ?? 45);
const seed = process.env.SOAK_SEED ? Number(process.env.SOAK_SEED) : process.env.SOAK_RANDOM ? randomSeed() : 20261202;

test(
  `soak: ${seconds} s of edits by three moderators under faults converge and lose no acknowledged edit (seed ${seed})`,
  async () => {
    console.log(`soak seed ${seed} (replay: npm run soak -- --seconds ${seconds} --seed ${seed})`);
    const report = await runSoak({ seconds, seed, log: (line) => console.log(line) });
    console.log(JSON.stringify(report, null, 1));
    expect(report.findings).toEqual([]);
    expect(report.checkedWrites).toBeGreaterThan(0);
  },
  (seconds + 150) * 1000,
);
