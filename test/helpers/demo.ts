// The demo site in front of a private backend, for one end-to-end test file,
// and the local build of the extension the tests load.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBackend, type Backend } from '../../server/backend.mjs';
import { startDemo, type Demo } from '../../demo/server.mjs';
import { backendUsers, userByName } from '../../demo/catalog.mjs';
import { connectXmpp, type XmppClient } from '../../demo/xmpp-client.mjs';

export const EXTENSION_DIR = { chrome: resolve('dist/chrome'), firefox: resolve('dist/firefox') };

/**
 * The tests need a local build (LCT_LOCAL_CSP=1: ws://127.0.0.1 allowed, the
 * 127.0.0.1 host granted). `npm test` builds one first; a test run alone
 * builds it when dist/ holds none.
 */
export function ensureLocalBuild(): void {
  const isLocal = (target: 'chrome' | 'firefox') => {
    const path = join(EXTENSION_DIR[target], 'manifest.json');
    if (!existsSync(path)) return false;
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { host_permissions?: string[] };
    return manifest.host_permissions?.includes('http://127.0.0.1/*') ?? false;
  };
  if (isLocal('chrome') && isLocal('firefox')) return;
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', env: { ...process.env, LCT_LOCAL_CSP: '1' } });
  if (build.status !== 0) throw new Error('the local build (LCT_LOCAL_CSP=1 node scripts/build.mjs) failed');
}

export interface DemoStack {
  backend: Backend;
  demo: Demo;
  /** Stops Prosody; its data stays for startBackendAgain(). */
  stopBackend(): Promise<void>;
  /** Starts Prosody again on the same port with the same data (the demo keeps proxying to it). */
  startBackendAgain(): Promise<void>;
  /** Freezes Prosody (SIGSTOP): connections stay open, every answer waits, as with a server that hangs. */
  pauseBackend(): void;
  /** Lets a frozen Prosody go on (SIGCONT): it handles what waited, in order. */
  resumeBackend(): void;
  /** Logs in a demo user with the raw client, straight to the backend. */
  rawClient(user: string): Promise<XmppClient>;
  stop(): Promise<void>;
}

const quietLog = (line: string) => {
  if (/\berror\b/i.test(line)) console.error(`[prosody] ${line}`);
};

export async function startDemoStack(): Promise<DemoStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lct-e2e-data-'));
  let backend = await startBackend({ users: backendUsers(), data: dataDir, log: quietLog });
  const port = backend.port;
  // The demo reads port and URLs from this object at each connection: restarting keeps them.
  const current = { ...backend };
  const demo = await startDemo({ backend: current, log: () => {} });
  let backendRunning = true;
  return {
    backend: current,
    demo,
    async stopBackend() {
      await backend.stop();
      backendRunning = false;
    },
    async startBackendAgain() {
      backend = await startBackend({ users: backendUsers(), data: dataDir, port, log: quietLog });
      backendRunning = true;
    },
    pauseBackend() {
      process.kill(backend.pid!, 'SIGSTOP');
    },
    resumeBackend() {
      process.kill(backend.pid!, 'SIGCONT');
    },
    rawClient(name) {
      const user = userByName(name);
      if (!user) throw new Error(`no demo user ${name}`);
      return connectXmpp({ url: current.wsUrl, username: user.name, password: user.password, resource: `e2e-${Date.now()}` });
    },
    async stop() {
      await demo.stop();
      if (backendRunning) await backend.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
