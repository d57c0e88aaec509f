// The user's settings, in storage.local under one key. Reads are served
// from memory once loaded; writes are serialized so that two quick updates
// (say, the popup's last list and the options page) never overwrite each other.
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
    await this.queue;
    if (!this.current) {
      const stored = await this.local.get<Partial<Settings>>(SETTINGS_KEY);
      this.current = { ...DEFAULT_SETTINGS, ...stored };
    }
    return this.current;
  }

  /** Applies `change` to the latest settings and stores the result. */
  update(change: (s: Settings) => Partial<Settings>): Promise<Settings> {
    const next = this.queue.then(async () => {
      const base = this.current ?? { ...DEFAULT_SETTINGS, ...(await this.local.get<Partial<Settings>>(SETTINGS_KEY)) };
      const updated: Settings = { ...base, ...change(base) };
      await this.local.set(SETTINGS_KEY, updated);
      this.current = updated;
      return updated;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
