// Writes user accounts straight into Prosody's internal storage, in the format of
// mod_auth_internal_hashed (SCRAM-SHA-1 keys), so a backend starts with its users
// without one slow `prosodyctl register` process per user.
import { createHash, createHmac, pbkdf2Sync, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Must match `default_iteration_count` in prosody.cfg.lua.template. */
export const ITERATION_COUNT = 4096;

/** Prosody's datamanager file-name encoding: every non-alphanumeric byte as %xx. */
export function encodeStoragePathPart(text) {
  return Array.from(Buffer.from(text, 'utf8'))
    .map((byte) => (/[A-Za-z0-9]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0')}`))
    .join('');
}

function luaString(text) {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function scramKeys(password, salt) {
  const salted = pbkdf2Sync(password, salt, ITERATION_COUNT, 20, 'sha1');
  const clientKey = createHmac('sha1', salted).update('Client Key').digest();
  return {
    storedKey: createHash('sha1').update(clientKey).digest('hex'),
    serverKey: createHmac('sha1', salted).update('Server Key').digest('hex'),
  };
}

/**
 * Parses "alice:pw,bob:pw" (or an array of "user:pw" / {username, password}) into accounts.
 * Throws on an entry without a name or password, so a typo never starts a server without the user.
 */
export function parseUsers(users) {
  const entries = typeof users === 'string' ? users.split(',').filter((s) => s.trim() !== '') : (users ?? []);
  return entries
    .map((entry) => {
      if (typeof entry !== 'string') return { username: entry.username, password: entry.password };
      const colon = entry.indexOf(':');
      const username = entry.slice(0, colon).trim();
      const password = entry.slice(colon + 1);
      if (colon <= 0 || username === '' || password === '') {
        throw new Error(`Invalid user "${entry}": expected name:password`);
      }
      return { username, password };
    })
    .map(({ username, password }) => {
      if (!/^[a-z0-9._-]+$/.test(username))
        throw new Error(`Invalid user name "${username}": use lower-case letters, digits, ".", "_" or "-"`);
      return { username, password };
    });
}

/** Writes the accounts of `host` into `dataDir` (created if needed). Existing accounts are replaced. */
export function writeAccounts(dataDir, host, accounts) {
  const folder = join(dataDir, encodeStoragePathPart(host), 'accounts');
  mkdirSync(folder, { recursive: true });
  for (const { username, password } of accounts) {
    const salt = randomUUID();
    const { storedKey, serverKey } = scramKeys(password, salt);
    const body = [
      'return {',
      `\t["iteration_count"] = ${ITERATION_COUNT};`,
      `\t["salt"] = ${luaString(salt)};`,
      `\t["server_key"] = ${luaString(serverKey)};`,
      `\t["stored_key"] = ${luaString(storedKey)};`,
      '};',
      '',
    ].join('\n');
    writeFileSync(join(folder, `${encodeStoragePathPart(username)}.dat`), body, { mode: 0o600 });
  }
}
