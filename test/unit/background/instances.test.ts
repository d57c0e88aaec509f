// Per-instance enabling. `scripting`, `permissions` and `tabs` are browser
// APIs that cannot run in Node: FakeBrowser (fake-instance-apis.ts) keeps
// their state the way the browser does. Settings are the real SettingsStore
// over an in-memory store.
import { describe, expect, it } from 'vitest';
import { Instances, scriptIdFor } from '../../../src/background/instances';
import { SettingsStore } from '../../../src/background/settings';
import { originPattern } from '../../../src/background/origins';
import { FakeBrowser } from './fake-instance-apis';
import { memoryKV } from './fakes';

const FILE = 'assets/content-script.ts-loader-NEW.js';
const PEERTUBE = 'https://video.example';

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
    expect(reply).toEqual({
      ok: false,
      error: { code: 'permission', detail: 'The browser has not granted access to https://video.example.' },
    });
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
      {
        id: 'instance:https://video.example',
        matches: ['https://video.example/*'],
        js: [FILE],
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
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

  it("two enables at once (the popup's and the worker's on the grant) register once, without an error", async () => {
    const { browser, instances } = setup();
    browser.granted.add('https://video.example/*');
    browser.tabs_ = [{ id: 1, url: 'https://video.example/w/abc' }];
    const replies = await Promise.all([instances.enable(PEERTUBE), instances.enable(PEERTUBE)]);
    expect(replies).toEqual([
      { ok: true, value: undefined },
      { ok: true, value: undefined },
    ]);
    expect(browser.registered.size).toBe(1);
    expect(browser.injected).toHaveLength(1);
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
    browser.registered.set(scriptIdFor(PEERTUBE), {
      id: scriptIdFor(PEERTUBE),
      matches: ['https://video.example/*'],
      js: ['assets/OLD.js'],
    });
    browser.registered.set(scriptIdFor('https://gone.example'), { id: scriptIdFor('https://gone.example'), js: ['assets/OLD.js'] });
    browser.registered.set('someone-elses-script', { id: 'someone-elses-script', js: ['x.js'] });
    await instances.reconcile();
    expect(browser.registered.get(scriptIdFor(PEERTUBE))?.js).toEqual([FILE]);
    expect([...browser.registered.keys()].sort()).toEqual([scriptIdFor(PEERTUBE), 'someone-elses-script']);
  });

  it("moves an earlier version's registration to the document's start", async () => {
    const { browser, instances } = setup({ settings: { instances: [PEERTUBE] } });
    browser.granted.add('https://video.example/*');
    const id = scriptIdFor(PEERTUBE);
    browser.registered.set(id, { id, matches: ['https://video.example/*'], js: [FILE], runAt: 'document_idle' });
    await instances.reconcile();
    expect(browser.registered.get(id)?.runAt).toBe('document_start');
  });
});
