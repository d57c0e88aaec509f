// @vitest-environment happy-dom
// The moderator's guide as the help page renders it, from the repository's
// manifest and the real message catalogs, and the links to it from the popup
// and the options page (against fake-ext.ts's stand-in for the browser).
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { guideFacts, HOSTS, type ManifestFacts } from '../../../src/help/facts';
import { Guide } from '../../../src/help/Guide';
import { HELP_PAGE } from '../../../src/help/HelpLink';
import type { Request } from '../../../src/messages';
import { Options } from '../../../src/options/Options';
import { Popup } from '../../../src/popup/Popup';
import { installCatalog, type Catalog } from '../../../src/ui/i18n-catalog';
import { installFakeExt, type FakeExt } from '../pages/fake-ext';
import { fromRoot, useLocale } from '../ui/fixtures';

const manifest = JSON.parse(readFileSync(fromRoot('manifest.json'), 'utf8')) as ManifestFacts;
const catalog = (lang: string) => JSON.parse(readFileSync(fromRoot(`public/_locales/${lang}/messages.json`), 'utf8')) as Catalog;

let fake: FakeExt | undefined;
afterEach(() => {
  cleanup();
  fake?.uninstall();
  fake = undefined;
  useLocale('en');
});

const definitions = (list: HTMLElement) =>
  [...list.querySelectorAll('dt')].map((dt) => ({ term: dt.textContent!, text: (dt.nextElementSibling as HTMLElement).textContent! }));

describe('the guide', () => {
  it('has a title, a table of contents whose links reach its four sections, each under its heading', () => {
    render(<Guide facts={guideFacts(manifest)} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Livechat Tasks: a guide for moderators');
    const contents = screen.getByRole('navigation', { name: 'Contents' });
    const links = within(contents).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
      'What it does',
      'Enable it on your instance',
      'Keyboard shortcuts',
      'Why it asks for these permissions',
    ]);
    for (const link of links) {
      const section = document.getElementById(link.getAttribute('href')!.slice(1))!;
      expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe(link.textContent);
      expect(screen.getByRole('region', { name: link.textContent! })).toBe(section);
    }
  });

  it('tells how to enable an instance with the labels the popup shows', () => {
    render(<Guide facts={guideFacts(manifest)} />);
    const steps = within(screen.getByRole('region', { name: 'Enable it on your instance' })).getAllByRole('listitem');
    expect(steps).toHaveLength(4);
    expect(steps[1]!.textContent).toBe("Click the Livechat Tasks button in the browser's toolbar, then “Enable on …”.");
  });

  it('explains every permission the manifest asks for, in words, and the access to sites', () => {
    const facts = guideFacts(manifest);
    const asked = [...manifest.permissions!, ...manifest.optional_permissions!];
    expect(facts.permissions).toEqual([...asked, HOSTS]);
    render(<Guide facts={facts} />);
    const region = screen.getByRole('region', { name: 'Why it asks for these permissions' });
    const explained = definitions(region.querySelector('dl')!);
    expect(explained.map((d) => d.term)).toEqual([...asked, 'Access to sites']);
    for (const { term, text } of explained) {
      expect(text, term).not.toMatch(/^helpPerm/);
      expect(text.length, term).toBeGreaterThan(30);
    }
    expect(explained.find((d) => d.term === 'contextMenus')!.text).toContain('“Add as task”');
    expect(explained.find((d) => d.term === 'storage')!.text).toContain('session storage');
  });

  it('a Firefox build (no side panel permission) gets no side panel entry', () => {
    const firefox = { ...manifest, permissions: manifest.permissions!.filter((p) => p !== 'sidePanel') };
    expect(guideFacts(firefox).permissions).not.toContain('sidePanel');
  });

  it("lists the shortcuts: the quick-add one as the browser has it, then the panel's keys", () => {
    render(<Guide facts={guideFacts(manifest, [{ name: '_execute_action', shortcut: 'Ctrl+Shift+Y' }])} />);
    const region = screen.getByRole('region', { name: 'Keyboard shortcuts' });
    const keys = definitions(region.querySelector('dl')!);
    expect(keys[0]).toEqual({
      term: 'Ctrl+Shift+Y',
      text: expect.stringMatching(/^Opens the quick-add window from any page\. To change it: chrome:\/\/extensions\/shortcuts/),
    });
    expect(keys.slice(1).map((k) => k.term)).toEqual(['/', 'Alt+↑ or Alt+↓', 'Ctrl+Z', 'Enter', 'Ctrl+Enter', 'Esc', '↑ or ↓']);
    // each key of a combination is its own <kbd> inside the combination's
    expect([...region.querySelectorAll('dt:first-of-type kbd kbd')].map((k) => k.textContent)).toEqual(['Ctrl', 'Shift', 'Y']);
  });

  it("without an extension API, shows the manifest's suggested shortcut; says so when none is set", () => {
    expect(guideFacts(manifest).quickAddShortcut).toBe('Alt+Shift+K');
    render(<Guide facts={guideFacts(manifest, [{ name: '_execute_action', shortcut: '' }])} />);
    const first = definitions(screen.getByRole('region', { name: 'Keyboard shortcuts' }).querySelector('dl')!)[0]!;
    expect(first.term).toBe('Quick-add a task');
    expect(first.text).toMatch(/^No shortcut is set for the quick-add window\./);
  });

  it("speaks the browser's language, key names included", () => {
    installCatalog(catalog('de'));
    render(<Guide facts={guideFacts(manifest)} />);
    expect(screen.getByRole('main').getAttribute('lang')).toBe('de');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Livechat Tasks: Leitfaden für Moderatoren');
    const keys = definitions(screen.getByRole('region', { name: 'Tastenkürzel' }).querySelector('dl')!);
    expect(keys.map((k) => k.term)).toEqual([
      'Alt+Umschalt+K',
      '/',
      'Alt+↑ oder Alt+↓',
      'Strg+Z',
      'Eingabe',
      'Strg+Eingabe',
      'Esc',
      '↑ oder ↓',
    ]);
  });
});

describe('the links to the guide', () => {
  const guideUrl = `chrome-extension://fake-extension-id/${HELP_PAGE}`;

  /** The background's answers for a browser with nothing enabled yet. */
  const answer = (msg: Request) =>
    msg.type === 'view/tab-info'
      ? { ok: true, value: { enabled: false, recent: [], accounts: [] } }
      : msg.type === 'view/settings-get'
        ? { ok: true, value: { instances: [], defaultListName: 'Tasks', notifyNewTasks: false, lastList: {} } }
        : { ok: true, value: undefined };

  function withTabs() {
    fake = installFakeExt(answer);
    const created: { url?: string }[] = [];
    (globalThis as unknown as { browser: { tabs: { create(o: { url?: string }): Promise<void> } } }).browser.tabs.create = async (o) => {
      created.push(o);
    };
    return created;
  }

  it.each([
    ['popup', () => <Popup />, 'No room to add tasks to yet. Open a PeerTube live chat you moderate.'],
    ['options page', () => <Options />, 'No instance enabled yet.'],
  ])('the %s has a Help link that opens the guide in a tab', async (_name, page, loaded) => {
    const created = withTabs();
    render(page());
    await screen.findByText(loaded);
    const link = screen.getByRole('link', { name: 'Help' });
    expect(link.getAttribute('href')).toBe(guideUrl);
    fireEvent.click(link);
    expect(created).toEqual([{ url: guideUrl }]);
  });
});
