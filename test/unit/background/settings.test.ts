// Settings in storage.local (an in-memory store stands in for it) and the
// storage adapter over a browser storage area (a recorder shaped like
// storage.StorageArea, which cannot run in Node).
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_KEY, SettingsStore } from '../../../src/background/settings';
import { kvOver, keepSessionFromContentScripts } from '../../../src/background/storage';
import { memoryKV } from './fakes';

describe('settings', () => {
  it('start from the defaults: notifications off, no instance enabled', async () => {
    expect(await new SettingsStore(memoryKV()).get()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.notifyNewTasks).toBe(false);
  });

  it('lose no change when two arrive at once, and survive a restart', async () => {
    const store = memoryKV();
    const settings = new SettingsStore(store);
    await Promise.all([
      settings.update((s) => ({ instances: [...s.instances, 'https://a.example'] })),
      settings.update((s) => ({ instances: [...s.instances, 'https://b.example'] })),
      settings.update(() => ({ notifyNewTasks: true })),
    ]);
    const restarted = new SettingsStore(store);
    expect(await restarted.get()).toEqual({
      ...DEFAULT_SETTINGS,
      instances: ['https://a.example', 'https://b.example'],
      notifyNewTasks: true,
    });
  });

  it('are read at once while a write is on its way, and an update that changes nothing writes nothing', async () => {
    const store = memoryKV();
    const writes: (() => void)[] = [];
    const slow = {
      ...store,
      set: (key: string, value: unknown) => new Promise<void>((done) => writes.push(() => void store.set(key, value).then(done))),
    };
    const settings = new SettingsStore(slow);
    await settings.get();
    const room = { account: 'a', jid: 'room@muc.example' };
    const updated = settings.update(() => ({ lastRoom: room }));
    await vi.waitFor(() => expect(writes).toHaveLength(1));
    // the write is held: a read does not wait for it, and sees the change
    expect((await settings.get()).lastRoom).toEqual(room);
    writes.shift()!();
    await updated;
    await settings.update(() => ({ lastRoom: { ...room } }));
    expect(writes).toHaveLength(0);
    expect((await new SettingsStore(store).get()).lastRoom).toEqual(room);
  });

  it('fill in fields that an older version did not store', async () => {
    const settings = new SettingsStore(memoryKV({ [SETTINGS_KEY]: { instances: ['https://a.example'] } }));
    expect(await settings.get()).toEqual({ ...DEFAULT_SETTINGS, instances: ['https://a.example'] });
  });
});

describe('storage adapter', () => {
  it('reads, writes and removes one key or several of a storage area, several in one call', async () => {
    const area = new Map<string, unknown>();
    const calls: string[] = [];
    const kv = kvOver({
      get: async (keys) => {
        calls.push('get');
        return Object.fromEntries([keys].flat().flatMap((k) => (area.has(k) ? [[k, area.get(k)]] : [])));
      },
      set: async (items) => {
        calls.push('set');
        for (const [k, v] of Object.entries(items)) area.set(k, v);
      },
      remove: async (keys) => void [keys].flat().forEach((k) => area.delete(k)),
    });
    await kv.set('a', { n: 1 });
    expect(await kv.get('a')).toEqual({ n: 1 });
    await kv.remove('a');
    expect(await kv.get('a')).toBeUndefined();
    calls.length = 0;
    await kv.setMany({ b: 'two', c: 3 });
    expect(await kv.getMany(['b', 'c', 'missing'])).toEqual({ b: 'two', c: 3 });
    expect(calls).toEqual(['set', 'get']);
  });

  it('closes storage.session to content scripts where the browser lets us choose (Chrome)', async () => {
    const calls: unknown[] = [];
    await keepSessionFromContentScripts({ setAccessLevel: async (o: unknown) => void calls.push(o) });
    await keepSessionFromContentScripts({}); // Firefox: no such call, content scripts never see it
    expect(calls).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
  });
});
