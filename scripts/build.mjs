#!/usr/bin/env node
// npm run build: an unpacked Chrome build (dist/chrome) and Firefox build
// (dist/firefox) from the same sources, and a store-ready zip of each.
// LCT_LOCAL_CSP=1 (set by npm start and npm test) lets extension pages talk to
// a backend on ws://127.0.0.1, which release builds must not.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { ensureNodeModules } from './lib/node-modules.mjs';

ensureNodeModules();

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`build: ${cmd} ${args.join(' ')} failed`);
    process.exit(r.status ?? 1);
  }
};

for (const target of ['chrome', 'firefox']) {
  run('npx', ['vite', 'build', '--logLevel', 'warn'], { LCT_TARGET: target });
  const name = `livechat-tasks-${target}.zip`;
  rmSync(`dist/${name}`, { force: true });
  run('npx', [
    'web-ext',
    'build',
    '--source-dir',
    `dist/${target}`,
    '--artifacts-dir',
    'dist',
    '--filename',
    name,
    '--overwrite-dest',
    '--no-config-discovery',
  ]);
}
console.log('build: dist/chrome, dist/firefox, dist/livechat-tasks-chrome.zip, dist/livechat-tasks-firefox.zip');
