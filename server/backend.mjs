// Starts a private Prosody on loopback with our module, for `npm run backend`, tests,
// the demo and benchmarks. Everything it writes lives in temporary folders it removes.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from '../scripts/lib/system.mjs';
import { parseUsers, writeAccounts } from './accounts.mjs';

export { encodeStoragePathPart } from './accounts.mjs';

const SERVER_DIR = dirname(fileURLToPath(import.meta.url));
export const DOMAIN = 'localhost';
export const MUC_DOMAIN = 'room.localhost';
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
/** Prosody's log lines when a port it was given is in use. */
const PORT_TAKEN = /same port|address already in use|failed to open server port/i;

/** Listens on `port` (0: any) on loopback: resolves with the bound port and a way to let it go again. */
function holdPort(port) {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(port, '127.0.0.1', () => {
      done({ port: server.address().port, release: () => new Promise((closed) => server.close(closed)) });
    });
  });
}

/**
 * Ports nobody uses right now on loopback, one per entry of `wanted` (0: any, else that one, which
 * rejects if taken). All are held until all are chosen, so the kernel cannot hand out one twice.
 */
async function findFreePorts(wanted) {
  const held = [];
  try {
    for (const port of wanted) held.push(await holdPort(port));
    return held.map((entry) => entry.port);
  } finally {
    await Promise.all(held.map((entry) => entry.release()));
  }
}

/** Asks the kernel for a port nobody uses right now on loopback. */
export async function findFreePort() {
  const [port] = await findFreePorts([0]);
  return port;
}

function luaString(text) {
  return `"${String(text).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** `name = value` lines for the MUC component (numbers, booleans, strings). */
function componentOptionLines(options = {}) {
  return Object.entries(options)
    .map(([name, value]) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a Prosody option name: ${name}`);
      if (typeof value === 'string') return `\t${name} = ${luaString(value)}`;
      if (typeof value === 'boolean' || Number.isFinite(value)) return `\t${name} = ${value}`;
      throw new Error(`Option ${name}: a string, finite number or boolean, not ${value}`);
    })
    .join('\n');
}

function renderConfig(values) {
  const template = readFileSync(join(SERVER_DIR, 'prosody.cfg.lua.template'), 'utf8');
  return template.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, name) => {
    if (!(name in values)) throw new Error(`prosody.cfg.lua.template: no value for {{${name}}}`);
    return values[name];
  });
}

const liveProcesses = new Set();
const foldersToRemove = new Set();
// A test runner or script that exits without calling stop() must not leave Prosody or
// temporary folders behind (if it is killed outright, mod_backend_watchdog stops Prosody).
process.on('exit', () => {
  for (const child of liveProcesses) child.kill('SIGKILL');
  for (const folder of foldersToRemove) rmSync(folder, { recursive: true, force: true });
});

/** Polls `url` until it answers; false once the deadline passed, the child exited or `failed()` says so. */
async function waitUntilAccepting(url, child, deadline, failed) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null || failed()) return false;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(500) });
      await response.arrayBuffer();
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

function waitForExit(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts Prosody and resolves once it accepts connections.
 * @param {object} [options]
 * @param {number} [options.port] HTTP port (WebSocket and BOSH); 0 or absent picks a free one.
 * @param {string|Array} [options.users] "alice:pw,bob:pw" or ["alice:pw"] or [{username, password}].
 * @param {string} [options.data] data folder; absent: a fresh temporary folder removed by stop().
 * @param {boolean} [options.verbose] forward Prosody's debug log.
 * @param {boolean} [options.nagle] keep Nagle's algorithm on (off by default: it delays large replies ~40 ms).
 * @param {Record<string, string|number|boolean>} [options.componentOptions] extra settings of the MUC component (e.g. livechat_tasks_max_items).
 * @param {(line: string) => void} [options.log] where Prosody's log lines go (default: stderr).
 * @param {(code: number|null) => void} [options.onUnexpectedExit] called if Prosody dies while running.
 */
export async function startBackend(options = {}) {
  ensureDebianPackages(['prosody'], 'to run the local XMPP server');
  const accounts = parseUsers(options.users);
  const ownsDataDir = !options.data;
  // Absolute: Prosody would read a relative data_path from its config folder.
  const dataDir = options.data ? resolve(options.data) : mkdtempSync(join(tmpdir(), 'livechat-tasks-data-'));
  mkdirSync(dataDir, { recursive: true });
  writeAccounts(dataDir, DOMAIN, accounts);

  const configDir = mkdtempSync(join(tmpdir(), 'livechat-tasks-prosody-'));
  mkdirSync(join(configDir, 'certs'));
  const configPath = join(configDir, 'prosody.cfg.lua');
  let port = 0;
  let c2sPort = 0;
  /** Chooses the ports (a given HTTP port is kept) and writes Prosody's config for them. */
  async function configure() {
    try {
      [port, c2sPort] = await findFreePorts([options.port || 0, 0]);
    } catch (error) {
      // Prosody would only log it and run without HTTP; something else there could even answer.
      if (options.port) throw new Error(`Port ${options.port} on 127.0.0.1 is already in use: choose another one (--port)`);
      throw error;
    }
    writeFileSync(
      configPath,
      renderConfig({
        PIDFILE: luaString(join(configDir, 'prosody.pid')),
        DATA_DIR: luaString(dataDir),
        PLUGIN_DIR: luaString(SERVER_DIR),
        CERTS_DIR: luaString(join(configDir, 'certs')),
        LOG_LEVEL: luaString(options.verbose ? 'debug' : 'error'),
        C2S_PORT: String(c2sPort),
        HTTP_PORT: String(port),
        NAGLE: options.nagle ? 'true' : 'false',
        PARENT_PID: String(process.pid),
        COMPONENT_OPTIONS: componentOptionLines(options.componentOptions),
      }),
    );
  }

  const log = options.log ?? ((line) => process.stderr.write(`[prosody] ${line}\n`));
  let child = null;
  let stopping = false;

  async function launch() {
    const recent = [];
    const proc = spawn('prosody', ['--config', configPath, '-F'], { stdio: ['ignore', 'pipe', 'pipe'] });
    liveProcesses.add(proc);
    for (const stream of [proc.stdout, proc.stderr]) {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop();
        for (const line of lines) {
          if (line.trim() === '') continue;
          recent.push(line);
          if (recent.length > 30) recent.shift();
          log(line);
        }
      });
    }
    proc.on('exit', (code) => {
      liveProcesses.delete(proc);
      if (!stopping && child === proc && options.onUnexpectedExit) options.onUnexpectedExit(code);
    });
    const portTaken = () => recent.some((line) => PORT_TAKEN.test(line));
    const url = `http://127.0.0.1:${port}/http-bind`;
    if (!(await waitUntilAccepting(url, proc, Date.now() + READY_TIMEOUT_MS, portTaken))) {
      proc.kill('SIGKILL');
      await waitForExit(proc, STOP_TIMEOUT_MS);
      const reason = portTaken() ? 'could not listen' : `did not start within ${READY_TIMEOUT_MS / 1000} s`;
      const error = new Error(`Prosody ${reason} (exit code ${proc.exitCode}).\n${recent.join('\n')}`);
      error.portTaken = portTaken();
      throw error;
    }
    child = proc;
  }

  async function halt() {
    const proc = child;
    child = null;
    if (!proc) return;
    proc.kill('SIGTERM');
    if (!(await waitForExit(proc, STOP_TIMEOUT_MS))) {
      proc.kill('SIGKILL');
      await waitForExit(proc, STOP_TIMEOUT_MS);
    }
  }

  const ownedFolders = ownsDataDir ? [configDir, dataDir] : [configDir];
  ownedFolders.forEach((folder) => foldersToRemove.add(folder));
  function removeFolders() {
    for (const folder of ownedFolders) {
      rmSync(folder, { recursive: true, force: true });
      foldersToRemove.delete(folder);
    }
  }

  try {
    // A free port can still be taken by another process before Prosody binds it (tests run
    // side by side): with ports of our own choosing, choose again.
    for (let attempt = 1; ; attempt++) {
      await configure();
      try {
        await launch();
        break;
      } catch (error) {
        if (!error.portTaken || attempt === 3) throw error;
      }
    }
  } catch (error) {
    removeFolders();
    throw error;
  }

  return {
    port,
    c2sPort,
    domain: DOMAIN,
    mucDomain: MUC_DOMAIN,
    wsUrl: `ws://127.0.0.1:${port}/xmpp-websocket`,
    boshUrl: `http://127.0.0.1:${port}/http-bind`,
    dataDir,
    /** Process id of the running Prosody (changes with restart()). */
    get pid() {
      return child?.pid;
    },
    /** Stops Prosody; the data folder stays if it was given, the temporary ones go. */
    async stop() {
      stopping = true;
      await halt();
      removeFolders();
    },
    /** Stops and starts Prosody again with the same ports and data (sessions are cut). */
    async restart() {
      stopping = true;
      await halt();
      stopping = false;
      await launch();
    },
  };
}
