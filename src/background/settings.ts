// The user's settings, in storage.local under one key. Reads are served
// from memory once loaded, without waiting for a write on its way (every
// message a content script sends reads them, and every edit updates the last
// room used: an edit must not wait for the previous one's write); writes are
// serialized so that two quick updates (say, the popup's last list and the
// options page) never overwrite each other, and an update that changes
// nothing writes nothing.
import { plainEqual } from '../core/plain-equal';
import type { KV } from './engine/store';
import type { Settings } from '../messages';

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  instances: [],
  defaultListName: '',
  notifyNewTasks: false,
  lastList: {},
};

export class SettingsStore {
  private current: Settings | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly local: KV) {}

  async get(): Promise<Settings> {
    if (this.current) return this.current;
    await this.queue;
    this.current ??= await this.load();
    return this.current;
  }

  /** Applies `change` to the latest settings and stores the result; `get` gives the result at once, before it is written. */
  update(change: (s: Settings) => Partial<Settings>): Promise<Settings> {
    const next = this.queue.then(async () => {
      const base = this.current ?? (await this.load());
      const patch = change(base);
      if (Object.entries(patch).every(([key, value]) => plainEqual(base[key as keyof Settings], value))) return base;
      const updated: Settings = { ...base, ...patch };
      this.current = updated;
      await this.local.set(SETTINGS_KEY, updated);
      return updated;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<Settings> {
    return { ...DEFAULT_SETTINGS, ...(await this.local.get<Partial<Settings>>(SETTINGS_KEY)) };
  }
}
