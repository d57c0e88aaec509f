// Key-value adapters over the extension's storage areas, in the shape the
// engine expects. Secrets (PeerTube tokens, XMPP passwords) go only to the
// session area: it lives in memory and is gone when the browser closes.
import type { KV } from './engine/store';

/** The part of a `storage.StorageArea` the adapter uses. */
export interface StorageAreaLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export function kvOver(area: StorageAreaLike): KV {
  return {
    async get<T>(key: string) {
      const found = await area.get(key);
      return found[key] as T | undefined;
    },
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
    getMany: (keys) => area.get(keys),
    setMany: (values) => area.set(values),
  };
}

interface SessionAreaWithAccessLevel {
  setAccessLevel?(options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }): Promise<void>;
}

/**
 * Chrome lets content scripts read storage.session when asked to; we say
 * explicitly that they may not, so a compromised page cannot reach tokens
 * even if some later code changed the default. Firefox never exposes
 * storage.session to content scripts and has no such call.
 */
export async function keepSessionFromContentScripts(session: object): Promise<void> {
  const area = session as SessionAreaWithAccessLevel;
  if (typeof area.setAccessLevel === 'function') {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  }
}
