// npm run backend -- [--port P] [--users alice:pw,bob:pw] [--data DIR] [--verbose] [--nagle]
// Runs a private Prosody on 127.0.0.1 with the livechat tasks module, in the foreground.
// Prints one line "ready ws://127.0.0.1:P/xmpp-websocket" once it accepts connections;
// Prosody's own log goes to stderr (errors only, unless --verbose).
import { startBackend } from '../server/backend.mjs';
import { cliOptions, portOption } from './lib/cli.mjs';

const USAGE = 'usage: npm run backend -- [--port P] [--users alice:pw,bob:pw] [--data DIR] [--verbose] [--nagle]';

const args = cliOptions(USAGE, {
  port: { type: 'string', default: '52800' },
  users: { type: 'string', default: '' },
  data: { type: 'string' },
  verbose: { type: 'boolean', default: false },
  nagle: { type: 'boolean', default: false },
});
const port = portOption(args.port, USAGE, 1024);

let backend;
try {
  backend = await startBackend({
    port,
    users: args.users,
    data: args.data,
    verbose: args.verbose,
    nagle: args.nagle,
    onUnexpectedExit(code) {
      console.error(`prosody exited unexpectedly (code ${code})`);
      backend?.stop().finally(() => process.exit(1));
    },
  });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
console.log(`ready ${backend.wsUrl}`);

let shuttingDown = false;
async function shutdown() {
  if (shuttingDown) return;
  shuttingDown = true;
  await backend.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
// `npm run backend` does not pass SIGTERM on: when npm is gone, so are we.
const launcherPid = process.ppid;
setInterval(() => {
  if (process.ppid !== launcherPid) shutdown();
}, 1000).unref();
