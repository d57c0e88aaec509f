#!/usr/bin/env node
// npm test: installs what the suites need (npm packages; Debian's prosody,
// chromium and firefox-esr), type-checks, builds the extension for tests,
// then runs the unit, integration and end-to-end suites.
// `npm test -- unit` (or integration, e2e) runs one suite.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ensureNodeModules } from './lib/node-modules.mjs';
import { ensureSupportedNode } from './lib/node-version.mjs';
import { ensureDebianPackages } from './lib/system.mjs';

const suites = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wants = (s) => suites.length === 0 || suites.includes(s);

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return r.status;
};

ensureSupportedNode();
ensureNodeModules();
if (wants('integration') || wants('e2e')) ensureDebianPackages(['prosody'], 'the integration tests run a real Prosody');
if (wants('e2e')) ensureDebianPackages(['chromium', 'firefox-esr'], 'the end-to-end tests run the extension in Chromium and Firefox ESR');

run('npx', ['tsc', '--noEmit']);
// Lint and formatting (Biome, biome.json): `npm run lint -- --write` fixes what it can.
run('npx', ['biome', 'ci', '--reporter=summary', '.']);
if (wants('e2e')) run('node', ['scripts/build.mjs'], { LCT_LOCAL_CSP: '1' });
const projects = (suites.length ? suites : ['unit', 'integration', 'e2e']).flatMap((p) => ['--project', p]);
const report = '.tmp/vitest-report.json';
rmSync(report, { force: true });
const vitest = spawnSync(
  'node',
  [
    '--import',
    './scripts/lib/node20.mjs',
    'node_modules/vitest/vitest.mjs',
    'run',
    ...projects,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ],
  { stdio: 'inherit' },
);
// One plain closing line, whatever the reporter printed above it.
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
}
process.exit(vitest.status ?? 1);
