// @vitest-environment happy-dom
// The options page against the fake extension runtime of fake-ext.ts, which
// stands in for the browser's permissions and the background's storage.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountSummary, Request, Settings } from '../../../src/messages';
import { checkAccount } from '../../../src/options/account-form';
import { Options } from '../../../src/options/Options';
import { makeItems } from '../ui/fixtures';
import { installFakeExt, loadCatalog, makeView, type FakeExt } from './fake-ext';

let ext: FakeExt;
let settings: Settings;
let accounts: AccountSummary[];

function answer(msg: Request) {
  switch (msg.type) {
    case 'view/settings-get':
      return { ok: true, value: settings };
    case 'view/settings-set':
      settings = { ...settings, ...msg.settings };
      return { ok: true, value: settings };
    case 'view/tab-info':
      return { ok: true, value: { enabled: false, recent: [], accounts, reason: 'not-peertube' } };
    case 'view/instance-disable':
      settings = { ...settings, instances: settings.instances.filter((o) => o !== msg.origin) };
      return { ok: true, value: undefined };
    case 'view/account-add':
      if (msg.account.jid === 'taken@example.org') return { ok: false, error: { code: 'auth', detail: 'refused by the server' } };
      accounts = [...accounts, { id: `xmpp:${msg.account.jid}`, label: msg.account.jid, kind: 'xmpp', status: 'connecting' }];
      return { ok: true, value: { id: `xmpp:${msg.account.jid}` } };
    case 'view/account-remove':
      accounts = accounts.filter((a) => a.id !== msg.id);
      return { ok: true, value: undefined };
    default:
      return { ok: true, value: undefined };
  }
}

beforeEach(() => {
  loadCatalog();
  ext = installFakeExt(answer);
  settings = { instances: ['https://a.test', 'https://b.test'], defaultListName: 'Tasks', notifyNewTasks: false, lastList: {} };
  accounts = [
    { id: 'peertube:https://a.test', label: 'a.test', kind: 'peertube', status: 'live' },
    { id: 'xmpp:me@jabber.test', label: 'me@jabber.test', kind: 'xmpp', status: 'live' },
  ];
});

afterEach(() => {
  cleanup();
  ext.uninstall();
});

const section = (name: string) => screen.getByRole('region', { name });

describe('options page', () => {
  it('lists the enabled instances and removes one', async () => {
    render(<Options />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove https://a.test' }));
    await waitFor(() => expect(ext.sent).toContainEqual({ type: 'view/instance-disable', origin: 'https://a.test' }));
    await waitFor(() => expect(screen.queryByText('https://a.test')).toBeNull());
    expect(within(section('PeerTube instances')).getByText('https://b.test')).toBeTruthy();
  });

  it('lists the manual XMPP accounts only, and removes one', async () => {
    render(<Options />);
    const accountsRegion = await waitFor(() => section('XMPP accounts'));
    expect(within(accountsRegion).getByText('me@jabber.test')).toBeTruthy();
    expect(within(accountsRegion).queryByText('a.test')).toBeNull();
    fireEvent.click(within(accountsRegion).getByRole('button', { name: 'Remove the account me@jabber.test' }));
    await waitFor(() => expect(ext.sent).toContainEqual({ type: 'view/account-remove', id: 'xmpp:me@jabber.test' }));
    await within(accountsRegion).findByText('No XMPP account.');
  });

  it('adds an XMPP account', async () => {
    render(<Options />);
    await screen.findByRole('region', { name: 'XMPP accounts' });
    fireEvent.input(screen.getByLabelText('Address (JID)'), { target: { value: ' mod@chat.example.org ' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 's3cret' } });
    fireEvent.input(screen.getByLabelText(/Server endpoint/), { target: { value: 'wss://chat.example.org/xmpp-websocket' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the account' }));
    await waitFor(() =>
      expect(ext.sent).toContainEqual({
        type: 'view/account-add',
        account: { jid: 'mod@chat.example.org', password: 's3cret', service: 'wss://chat.example.org/xmpp-websocket' },
      }),
    );
    await screen.findByText('Account mod@chat.example.org added.');
    expect(within(section('XMPP accounts')).getByText('mod@chat.example.org')).toBeTruthy();
  });

  it('says what is wrong with a bad account, sends nothing and keeps what was typed', async () => {
    render(<Options />);
    await screen.findByRole('region', { name: 'XMPP accounts' });
    const jid = screen.getByLabelText('Address (JID)') as HTMLInputElement;
    fireEvent.input(jid, { target: { value: 'not a jid' } });
    fireEvent.input(screen.getByLabelText(/Server endpoint/), { target: { value: 'ftp://x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the account' }));
    await screen.findByText('Enter an address like name@example.org.');
    expect(screen.getByText('Enter the password.')).toBeTruthy();
    expect(screen.getByText('Enter a ws://, wss://, http:// or https:// address.')).toBeTruthy();
    expect(jid.getAttribute('aria-invalid')).toBe('true');
    expect(jid.value).toBe('not a jid');
    expect(ext.sent.some((m) => m.type === 'view/account-add')).toBe(false);
  });

  it('keeps the form when the background refuses the account', async () => {
    render(<Options />);
    await screen.findByRole('region', { name: 'XMPP accounts' });
    fireEvent.input(screen.getByLabelText('Address (JID)'), { target: { value: 'taken@example.org' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'pw' } });
    fireEvent.input(screen.getByLabelText(/Server endpoint/), { target: { value: 'https://example.org/http-bind' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the account' }));
    await screen.findByText(/refused by the server/);
    expect((screen.getByLabelText('Address (JID)') as HTMLInputElement).value).toBe('taken@example.org');
  });

  it('saves the default list for quick-add', async () => {
    render(<Options />);
    const input = (await screen.findByLabelText('Default list for quick add')) as HTMLInputElement;
    expect(input.value).toBe('Tasks');
    fireEvent.input(input, { target: { value: 'Raid follow-ups' } });
    fireEvent.click(within(section('Quick add')).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(ext.sent).toContainEqual({ type: 'view/settings-set', settings: { defaultListName: 'Raid follow-ups' } }));
    await screen.findByText('Saved.');
  });

  it('offers the lists of the last room used as default list, and saves the one picked', async () => {
    const room = { account: 'peertube:https://a.test', jid: 'live@room.a.test' };
    settings = { ...settings, lastRoom: room };
    ext.setView(makeView(room, { items: makeItems([{ name: 'Stream prep' }, { name: 'Raid follow-ups' }]) }));
    render(<Options />);
    const input = (await screen.findByRole('combobox', { name: 'Default list for quick add' })) as HTMLInputElement;
    const offered = () => [...input.list!.querySelectorAll('option')].map((o) => o.value);
    await waitFor(() => expect(offered().sort()).toEqual(['Raid follow-ups', 'Stream prep', 'Tasks']));
    fireEvent.input(input, { target: { value: 'Raid follow-ups' } });
    fireEvent.click(within(section('Quick add')).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(ext.sent).toContainEqual({ type: 'view/settings-set', settings: { defaultListName: 'Raid follow-ups' } }));
  });

  it('turns notifications on only once the browser grants the permission, and off again', async () => {
    render(<Options />);
    const box = (await screen.findByRole('checkbox', {
      name: 'Desktop notification when another moderator adds a task',
    })) as HTMLInputElement;
    expect(box.checked).toBe(false);

    ext.grant = false;
    fireEvent.click(box);
    await screen.findByText('The browser did not allow notifications.');
    expect(ext.sent.some((m) => m.type === 'view/settings-set')).toBe(false);
    await waitFor(() => expect(box.checked).toBe(false));

    ext.grant = true;
    fireEvent.click(box);
    await waitFor(() => expect(ext.sent).toContainEqual({ type: 'view/settings-set', settings: { notifyNewTasks: true } }));
    expect(ext.permissionRequests.at(-1)).toEqual({ permissions: ['notifications'] });
    await waitFor(() => expect(box.checked).toBe(true));

    fireEvent.click(box);
    await waitFor(() => expect(ext.sent).toContainEqual({ type: 'view/settings-set', settings: { notifyNewTasks: false } }));
    expect(ext.permissionRemovals).toEqual([{ permissions: ['notifications'] }]);
  });
});

describe('account check', () => {
  it('accepts ws, wss, http and https endpoints and bare JIDs only', () => {
    for (const service of ['ws://127.0.0.1:5280/xmpp-websocket', 'wss://x.org/ws', 'http://x.org/http-bind', 'https://x.org/http-bind']) {
      expect(checkAccount({ jid: 'a@x.org', password: 'p', service })).toEqual({ account: { jid: 'a@x.org', password: 'p', service } });
    }
    expect(checkAccount({ jid: 'a@x.org/resource', password: 'p', service: 'wss://x.org' })).toEqual({ errors: { jid: 'errJid' } });
    expect(checkAccount({ jid: '@x.org', password: 'p', service: 'wss://x.org' })).toEqual({ errors: { jid: 'errJid' } });
  });
});
