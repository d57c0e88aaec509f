// Installs the Debian packages a script needs (prosody, chromium, firefox-esr…),
// so `npm run …` works on a fresh machine and explains itself when it cannot.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** True when dpkg knows the package as installed. */
function isPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function isCommandAvailable(name) {
  return spawnSync('sh', ['-c', `command -v "$1"`, 'sh', name], { stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure the Debian packages `names` are installed, installing the missing ones
 * with apt-get. `why` is shown to the user ("to run the local XMPP server").
 * Each name may be a string (package and command share it) or
 * `{ package, command }` when a command on the PATH is enough (e.g. a non-Debian install).
 * Throws an Error whose message says what to do by hand when it cannot install.
 */
export function ensureDebianPackages(names, why) {
  const wanted = names.map((entry) => (typeof entry === 'string' ? { package: entry, command: entry } : entry));
  const hasDpkg = isCommandAvailable('dpkg-query');
  const missing = wanted.filter((entry) => {
    if (hasDpkg && isPackageInstalled(entry.package)) return false;
    return !(entry.command && isCommandAvailable(entry.command));
  });
  if (missing.length === 0) return;

  const list = missing.map((entry) => entry.package).join(' ');
  const isDebian = existsSync('/etc/debian_version') && isCommandAvailable('apt-get');
  if (!isDebian) {
    throw new Error(
      `Missing ${list} (needed ${why}). This is not a Debian system: install ${list} with your package manager, then run this again.`,
    );
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`Missing ${list} (needed ${why}). Run this command with sudo, or install them first: sudo apt-get install -y ${list}`);
  }
  // apt's own lines (-q: one per download and per package set up, no terminal bars) are the progress:
  // a first install of a browser takes minutes, which must not pass in silence.
  process.stderr.write(`Installing ${list} (needed ${why}); this can take a few minutes…\n`);
  const started = Date.now();
  try {
    process.stderr.write('apt-get update\n');
    execFileSync('apt-get', ['-q', 'update'], { stdio: ['ignore', 'inherit', 'inherit'] });
    process.stderr.write(`apt-get install ${list}\n`);
    execFileSync('apt-get', ['-q', 'install', '-y', ...missing.map((entry) => entry.package)], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    process.stderr.write(`Installed ${list} in ${Math.round((Date.now() - started) / 1000)} s.\n`);
  } catch (error) {
    throw new Error(`Could not install ${list} (needed ${why}): ${error.message}. Try: apt-get install -y ${list}`);
  }
}
