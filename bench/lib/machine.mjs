// The machine a run came from, for the README's table.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, release } from 'node:os';

const dpkgVersion = (pkg) => {
  try {
    return execFileSync('dpkg-query', ['-W', '-f', '${Version}', pkg], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};

function osName() {
  try {
    return execFileSync('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"'], { encoding: 'utf8' }).trim();
  } catch {
    return process.platform;
  }
}

export function machineInfo() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${osName()} (Linux ${release()})`,
    node: process.version,
    chromium: dpkgVersion('chromium'),
    firefox: dpkgVersion('firefox-esr'),
    prosody: dpkgVersion('prosody'),
  };
}
