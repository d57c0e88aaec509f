// The test and demo tools declare Node ≥ 22.12 (vitest 5, puppeteer-core 25):
// on an older Node (Debian 12's or 13's Node 20), npm ci warns EBADENGINE
// and vitest's reporter lacks Map.groupBy. Rather than older tools, the
// commands bring the Node they need: once, from the npm registry, the package
// that ships Node 22's binary for this platform (node-<platform>-<arch>: a
// plain binary, no install script) into .tmp/node22, and then run themselves
// again with it first on the PATH, so that npm, npx and every child use it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

export const MIN_NODE = [22, 12];
const NODE_MAJOR = MIN_NODE[0];

export function isSupportedNode(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

/** Returns when this Node is recent enough; otherwise runs this script again with Node 22 and exits with its status. */
export function ensureSupportedNode() {
  if (isSupportedNode()) return;
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = resolve('.tmp/node22');
  const bin = join(dir, 'node_modules', pkg, 'bin');
  if (!existsSync(join(bin, 'node'))) {
    console.log(
      `Node ${process.versions.node} is older than the ${MIN_NODE.join('.')} the test tools need: fetching Node ${NODE_MAJOR} from the npm registry (${pkg}, once, into .tmp/node22)…`,
    );
    const install = spawnSync(
      'npm',
      ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `${pkg}@${NODE_MAJOR}`],
      { stdio: 'inherit' },
    );
    if (install.status !== 0 || !existsSync(join(bin, 'node'))) {
      console.error(
        `Could not fetch Node ${NODE_MAJOR} (${pkg}). Install Node ${MIN_NODE.join('.')} or newer yourself, then run this again.`,
      );
      process.exit(1);
    }
  }
  const again = spawnSync(join(bin, 'node'), process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
  });
  process.exit(again.status ?? 1);
}
