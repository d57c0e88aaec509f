// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { Problem } from '../../../src/core/types';
import { makeView, useLocale } from './fixtures';
import { renderApp } from './render';

afterEach(() => {
  cleanup();
  useLocale('en');
});

describe('states', () => {
  test('loading: before the first items arrive', () => {
    renderApp(makeView([], { loaded: false, status: 'connecting' }));
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Loading tasks…');
    expect(status.getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByRole('button', { name: /New list/ })).toBeNull();
  });

  test('empty: no list yet, with a way to create the first one', () => {
    const { onEdit } = renderApp(makeView([]));
    expect(screen.getByText('No task lists yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create a task list' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'First' } });
    fireEvent.submit(screen.getByRole('form', { name: 'New task list' }));
    expect(onEdit).toHaveBeenCalledWith({ op: 'createList', name: 'First' });
  });

  test('reconnecting: items stay, edits still go out and show as pending', async () => {
    const view = makeView([{ name: 'Prep', tasks: ['Check sound'] }], {
      status: 'connecting',
      problem: { code: 'network', retryAt: Date.UTC(2026, 10, 23, 9, 30) },
    });
    const { onEdit, push } = renderApp(view);
    expect(screen.getByText('Reconnecting…')).toBeTruthy();
    expect(screen.getByText('You can keep working: your changes are kept and sent when the connection is back.')).toBeTruthy();
    expect(screen.getByText('The chat server cannot be reached.')).toBeTruthy();
    expect(screen.getByText(/^Next try at /)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Check sound' }));
    expect(onEdit).toHaveBeenCalledWith({ op: 'setDone', id: 'L1-T1', done: true });
    push(
      makeView([{ name: 'Prep', tasks: [{ name: 'Check sound', done: true }] }], {
        status: 'connecting',
        pending: [{ id: 'e1', itemId: 'L1-T1', kind: 'setDone' }],
      }),
    );
    const row = screen.getByText('Check sound').closest<HTMLElement>('[data-task-id]')!;
    expect(within(row).getByText('Not saved yet')).toBeTruthy();
    push(makeView([{ name: 'Prep', tasks: [{ name: 'Check sound', done: true }] }]));
    await waitFor(() => expect(screen.queryByText('Reconnecting…')).toBeNull());
    expect(screen.queryByText('Not saved yet')).toBeNull();
  });

  const problems: [Problem['code'], string, string][] = [
    ['network', 'The chat server cannot be reached.', 'Check your connection; we retry automatically.'],
    ['auth', 'The chat server refused the sign-in.', 'Sign in to PeerTube again, or check the account in the options.'],
    ['not-logged-in', 'You are not logged in on this PeerTube instance.', 'Log in on the PeerTube page, then reload it.'],
    [
      'forbidden',
      'You are not (or no longer) a moderator of this room.',
      'Ask the owner of the stream to make you a moderator of the chat.',
    ],
    ['no-room', 'This video has no chat room.', 'Tasks exist only for videos with a live chat.'],
    ['permission', 'The extension is not allowed on this instance.', "Open the extension's popup and choose “Enable” for this instance."],
    ['internal', 'Something went wrong in the extension.', 'Reload the page; if it keeps happening, report it.'],
  ];
  test.each(problems)('error %s: says what happened and what to do', (code, what, todo) => {
    renderApp(makeView([], { loaded: false, status: 'offline', problem: { code, detail: 'HTTP 403 <b>x</b>' } }));
    const status = screen.getByRole('status');
    expect(within(status).getByText(what)).toBeTruthy();
    expect(within(status).getByText(todo)).toBeTruthy();
    expect(within(status).getByText('HTTP 403 <b>x</b>')).toBeTruthy();
    expect(status.querySelector('b')).toBeNull();
  });

  test('no rights: tasks are not shown, and the user is told why and what to do', () => {
    renderApp(makeView([{ name: 'Prep', tasks: ['Secret'] }], { rights: 'none' }));
    expect(screen.getByText("Only the room's owners and moderators (admins) can see its tasks.")).toBeTruthy();
    expect(screen.getByText('Ask the owner of the stream to make you a moderator of the chat.')).toBeTruthy();
    expect(screen.queryByText('Secret')).toBeNull();
    expect(screen.queryByRole('button', { name: /New list/ })).toBeNull();
  });

  test('skipped malformed items are counted, with a sample reason', () => {
    renderApp(makeView([{ name: 'Prep' }], { skipped: { count: 3, sample: 'task without list attribute' } }));
    expect(screen.getByText('3 items could not be read and were skipped.')).toBeTruthy();
    expect(screen.getByText('task without list attribute')).toBeTruthy();
  });

  test('the connection status is told to screen readers', () => {
    renderApp(makeView([{ name: 'Prep' }]));
    expect(screen.getByText('Connected')).toBeTruthy();
  });

  test('in French, with the language set for screen readers and plurals right', () => {
    useLocale('fr');
    const { container } = renderApp(makeView([{ name: 'Prep', tasks: [{ name: 'a', done: true }] }], { skipped: { count: 1 } }));
    expect(container.querySelector('.lct-root')!.getAttribute('lang')).toBe('fr');
    expect(screen.getByText('0 tâche à faire sur 1')).toBeTruthy();
    expect(screen.getByText('1 élément illisible a été ignoré.')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Masquer les tâches faites/ })).toBeTruthy();
  });

  test('the side panel names the room; the page panel leaves that to its frame and is compact', () => {
    const side = renderApp(makeView([], { title: 'Friday <stream>' }), undefined, 'sidepanel');
    expect(screen.getByRole('heading', { level: 2, name: 'Friday <stream>' })).toBeTruthy();
    expect(side.container.querySelector('.lct-root')!.classList.contains('lct-sidepanel')).toBe(true);
    side.unmount();
    const panel = renderApp(makeView([], { title: 'Friday <stream>' }), undefined, 'panel');
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
    expect(panel.container.querySelector('.lct-root')!.classList.contains('lct-panel')).toBe(true);
  });
});
