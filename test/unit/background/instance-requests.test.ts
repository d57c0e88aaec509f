// The worker finishing an enabling the popup started: Firefox may close the
// popup for its permission prompt, so the grant (permissions.onAdded) must
// be enough. Real Instances and SettingsStore; FakeBrowser stands for the
// browser's scripting, permissions and tabs.
import { describe, expect, it } from 'vitest';
import { InstanceRequests, REQUESTED_KEY } from '../../../src/background/instance-requests';
import { Instances, scriptIdFor } from '../../../src/background/instances';
import { SettingsStore } from '../../../src/background/settings';
import { FakeBrowser } from './fake-instance-apis';
import { memoryKV } from './fakes';

const FILE = 'assets/content-script.ts-loader-X.js';
const PEERTUBE = 'https://video.example';
const OTHER = 'https://other.example';

function setup() {
  const browser = new FakeBrowser();
  const settings = new SettingsStore(memoryKV());
  const instances = new Instances(browser, settings, FILE, () => undefined);
  const session = memoryKV();
  const requests = new InstanceRequests(session, instances);
  return { browser, settings, instances, session, requests };
}

describe('an Enable click the popup did not survive', () => {
  it('the grant registers the content script, injects it into the open tab and turns the instance on', async () => {
    const { browser, settings, session, requests } = setup();
    browser.tabs_ = [{ id: 3, url: `${PEERTUBE}/w/abc` }];
    await requests.add(PEERTUBE);
    browser.granted.add(`${PEERTUBE}/*`); // the user said yes; the popup is gone
    await requests.onGranted();
    expect(browser.registered.get(scriptIdFor(PEERTUBE))?.matches).toEqual([`${PEERTUBE}/*`]);
    expect(browser.injected).toEqual([{ tabId: 3, files: [FILE] }]);
    expect((await settings.get()).instances).toEqual([PEERTUBE]);
    expect(session.data.has(REQUESTED_KEY)).toBe(false);
  });

  it('a grant of an origin nobody asked for enables nothing', async () => {
    const { browser, settings, requests } = setup();
    browser.granted.add(`${OTHER}/*`);
    await requests.onGranted();
    expect(browser.registered.size).toBe(0);
    expect((await settings.get()).instances).toEqual([]);
  });

  it('an asked-for origin not granted yet stays asked-for until its grant comes', async () => {
    const { browser, settings, requests } = setup();
    await requests.add(PEERTUBE);
    await requests.add(OTHER);
    browser.granted.add(`${OTHER}/*`);
    await requests.onGranted();
    expect((await settings.get()).instances).toEqual([OTHER]);
    browser.granted.add(`${PEERTUBE}/*`);
    await requests.onGranted();
    expect((await settings.get()).instances).toEqual([OTHER, PEERTUBE]);
    expect([...browser.registered.keys()].sort()).toEqual([scriptIdFor(OTHER), scriptIdFor(PEERTUBE)].sort());
  });

  it('the permission removed in the browser UI unregisters the script the grant registered', async () => {
    const { browser, settings, instances, requests } = setup();
    await requests.add(PEERTUBE);
    browser.granted.add(`${PEERTUBE}/*`);
    await requests.onGranted();
    browser.granted.delete(`${PEERTUBE}/*`); // permissions.onRemoved → reconcile
    await instances.reconcile();
    expect(browser.registered.size).toBe(0);
    expect((await settings.get()).instances).toEqual([]);
  });
});
