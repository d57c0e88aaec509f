// Per-instance enabling. `scripting`, `permissions` and `tabs` are browser
// APIs that cannot run in Node: FakeBrowser keeps their state the way the
// browser does (granted host patterns, registered scripts, open tabs) and
// refuses what the browser refuses (duplicate ids, unknown ids). Settings
// are the real SettingsStore over an in-memory store.
import { describe, expect, it } from 'vitest';
import { Instances, scriptIdFor, type InstanceApis, type RegisteredScript } from '../../../src/background/instances';
import { SettingsStore } from '../../../src/background/settings';
import { originPattern } from '../../../src/background/origins';
import { memoryKV } from './fakes';

const FILE = 'assets/content-script.ts-loader-NEW.js';
const PEERTUBE = 'https://video.example';

class FakeBrowser implements InstanceApis {
  granted = new Set<string>();
  registered = new Map<string, RegisteredScript>();
  tabs_: { id: number; url: string }[] = [];
  injected: { tabId: number; files: string[] }[] = [];

  scripting = {
    registerContentScripts: async (scripts: RegisteredScript[]) => {
      for (const s of scripts) if (this.registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      for (const s of scripts) this.registered.set(s.id, structuredClone(s));
    },
    getRegisteredContentScripts: async (filter?: { ids?: string[] }) =>
      [...this.registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    updateContentScripts: async (scripts: RegisteredScript[]) => {
      for (const s of scripts) {
        const old = this.registered.get(s.id);
        if (!old) throw new Error(`Nonexistent script ID '${s.id}'`);
        this.registered.set(s.id, { ...old, ...structuredClone(s) });
      }
    },
    unregisterContentScripts: async (filter?: { ids?: string[] }) => {
      for (const id of filter?.ids ?? []) if (!this.registered.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      for (const id of filter?.ids ?? [...this.registered.keys()]) this.registered.delete(id);
    },
    executeScript: async (injection: { target: { tabId: number }; files: string[] }) => {
      this.injected.push({ tabId: injection.target.tabId, files: injection.files });
      return [];
    },
  };

  permissions = {
    contains: async (p: { origins: string[] }) => p.origins.every((o) => this.granted.has(o)),
    remove: async (p: { origins: string[] }) => {
      for (const o of p.origins) this.granted.delete(o);
      return true;
    },
  };

  tabs = {
    // the browser matches the pattern (scheme and host, any port)
    query: async (q: { url: string }) => {
      const host = new URL(q.url.replace('/*', '/')).hostname;
      return this.tabs_.filter((t) => new URL(t.url).hostname === host);
    },
  };
}

function setup(stored: Record<string, unknown> = {}) {
  const browser = new FakeBrowser();
  const settings = new SettingsStore(memoryKV(stored));
  const instances = new Instances(browser, settings, FILE, () => undefined);
  return { browser, settings, instances };
}

describe('origin patterns', () => {
  it('cover every page of the host, without the port Firefox refuses in patterns', () => {
    expect(originPattern('https://video.example')).toBe('https://video.example/*');
    expect(originPattern('http://127.0.0.1:9000')).toBe('http://127.0.0.1/*');
  });
});

describe('enabling an instance', () => {
  it('refuses when the browser has not granted the host permission, and changes nothing', async () => {
    const { browser, settings, instances } = setup();
    const reply = await instances.enable(PEERTUBE);
    expect(reply).toEqual({ ok: false, error: { code: 'permission', detail: 'The browser has not granted access to https://video.example.' } });
    expect(browser.registered.size).toBe(0);
    expect((await settings.get()).instances).toEqual([]);
  });

  it('registers the content script for that origin and injects it into tabs already open there', async () => {
    const { browser, settings, instances } = setup();
    browser.granted.add('https://video.example/*');
    browser.tabs_ = [
      { id: 1, url: 'https://video.example/w/abc' },
      { id: 2, url: 'https://elsewhere.example/' },
      { id: 3, url: 'https://video.example:8443/w/abc' },
    ];
    expect(await instances.enable(PEERTUBE)).toEqual({ ok: true, value: undefined });
    expect([...browser.registered.values()]).toEqual([
      { id: 'instance:https://video.example', matches: ['https://video.example/*'], js: [FILE], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
    expect(browser.injected).toEqual([{ tabId: 1, files: [FILE] }]);
    expect((await settings.get()).instances).toEqual([PEERTUBE]);
    expect(await instances.isEnabled(PEERTUBE)).toBe(true);
  });

  it('accepts the exact pattern with a port that Chrome may have granted to the popup', async () => {
    const { browser, instances } = setup();
    browser.granted.add('http://127.0.0.1:9000/*');
    expect(await instances.enable('http://127.0.0.1:9000')).toEqual({ ok: true, value: undefined });
    expect(browser.registered.get(scriptIdFor('http://127.0.0.1:9000'))?.matches).toEqual(['http://127.0.0.1:9000/*']);
    await instances.disable('http://127.0.0.1:9000');
    expect(browser.granted.size).toBe(0);
  });

  it('enabling twice registers once and injects once', async () => {
    const { browser, settings, instances } = setup();
    browser.granted.add('https://video.example/*');
    browser.tabs_ = [{ id: 1, url: 'https://video.example/w/abc' }];
    await instances.enable(PEERTUBE);
    expect(await instances.enable(PEERTUBE)).toEqual({ ok: true, value: undefined });
    expect(browser.registered.size).toBe(1);
    expect(browser.injected).toHaveLength(1);
    expect((await settings.get()).instances).toEqual([PEERTUBE]);
  });

  it('a tab that refuses the injection does not fail the enabling', async () => {
    const { browser, instances } = setup();
    browser.granted.add('https://video.example/*');
    browser.tabs_ = [{ id: 1, url: 'https://video.example/w/abc' }];
    browser.scripting.executeScript = async () => {
      throw new Error('Frame with ID 0 is showing error page');
    };
    expect(await instances.enable(PEERTUBE)).toEqual({ ok: true, value: undefined });
    expect(browser.registered.has(scriptIdFor(PEERTUBE))).toBe(true);
  });
});

describe('disabling an instance', () => {
  it('removes the registration, the host permission and the setting', async () => {
    const { browser, settings, instances } = setup();
    browser.granted.add('https://video.example/*');
    await instances.enable(PEERTUBE);
    expect(await instances.disable(PEERTUBE)).toEqual({ ok: true, value: undefined });
    expect(browser.registered.size).toBe(0);
    expect(browser.granted.size).toBe(0);
    expect(await instances.isEnabled(PEERTUBE)).toBe(false);
    expect((await settings.get()).instances).toEqual([]);
  });

  it('turns the instance off even when the browser keeps the host permission (declared as required)', async () => {
    const { browser, settings, instances } = setup();
    browser.granted.add('https://video.example/*');
    await instances.enable(PEERTUBE);
    browser.permissions.remove = async () => {
      throw new Error('You cannot remove required permissions.');
    };
    expect(await instances.disable(PEERTUBE)).toEqual({ ok: true, value: undefined });
    expect(browser.registered.size).toBe(0);
    expect((await settings.get()).instances).toEqual([]);
  });

  it('works for an instance that was never registered (nothing to unregister)', async () => {
    const { instances } = setup();
    expect(await instances.disable(PEERTUBE)).toEqual({ ok: true, value: undefined });
  });
});

describe('reconciling at start-up', () => {
  it('drops instances whose permission was removed in the browser UI, and their scripts', async () => {
    const { browser, settings, instances } = setup({ settings: { instances: [PEERTUBE, 'https://other.example'] } });
    browser.granted.add('https://other.example/*');
    browser.registered.set(scriptIdFor(PEERTUBE), { id: scriptIdFor(PEERTUBE), matches: ['https://video.example/*'], js: [FILE] });
    await instances.reconcile();
    expect((await settings.get()).instances).toEqual(['https://other.example']);
    expect([...browser.registered.keys()]).toEqual([scriptIdFor('https://other.example')]);
  });

  it('repoints registrations at the new content script after an update, and removes leftovers', async () => {
    const { browser, instances } = setup({ settings: { instances: [PEERTUBE] } });
    browser.granted.add('https://video.example/*');
    browser.registered.set(scriptIdFor(PEERTUBE), { id: scriptIdFor(PEERTUBE), matches: ['https://video.example/*'], js: ['assets/OLD.js'] });
    browser.registered.set(scriptIdFor('https://gone.example'), { id: scriptIdFor('https://gone.example'), js: ['assets/OLD.js'] });
    browser.registered.set('someone-elses-script', { id: 'someone-elses-script', js: ['x.js'] });
    await instances.reconcile();
    expect(browser.registered.get(scriptIdFor(PEERTUBE))?.js).toEqual([FILE]);
    expect([...browser.registered.keys()].sort()).toEqual([scriptIdFor(PEERTUBE), 'someone-elses-script']);
  });
});
