// @vitest-environment happy-dom
// A fake `chrome.storage` stands in for the extension's storage (no
// extension in vitest): preferences must be saved there and follow changes
// made by another view (page panel and side panel stay in sync).
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { makeView } from './fixtures';
import { renderApp } from './render';

type ChangeListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;
let stored: Record<string, unknown>;
let listeners: ChangeListener[];
beforeEach(() => {
  stored = { 'ui:hideDone': true };
  listeners = [];
  (globalThis as { chrome?: unknown }).chrome = {
    runtime: { id: 'test-extension' },
    storage: {
      local: {
        get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}),
        set: async (values: Record<string, unknown>) => {
          Object.assign(stored, values);
          const changes = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { newValue: v }]));
          listeners.forEach((l) => l(changes, 'local'));
        },
      },
      onChanged: {
        addListener: (l: ChangeListener) => listeners.push(l),
        removeListener: (l: ChangeListener) => (listeners = listeners.filter((x) => x !== l)),
      },
    },
  };
});
afterEach(() => {
  cleanup();
  delete (globalThis as { chrome?: unknown }).chrome;
});

test('view preferences are read from and saved to the extension storage, and follow other views', async () => {
  const view = makeView([{ name: 'Prep', tasks: [{ name: 'Done one', done: true }, 'Open one'] }]);
  renderApp(view);
  expect(screen.getByText('Done one')).toBeTruthy(); // until storage answers
  await waitFor(() => expect(screen.queryByText('Done one')).toBeNull());
  expect(screen.getByRole('button', { name: /Hide done/ }).getAttribute('aria-pressed')).toBe('true');
  fireEvent.click(screen.getByRole('button', { name: 'Prep' }));
  expect(stored[`ui:collapsed:${view.ref.account} ${view.ref.jid}`]).toEqual(['L1']);
  // another view (the side panel) shows done tasks again
  await act(async () => {
    await (globalThis as unknown as { chrome: { storage: { local: { set: (v: object) => Promise<void> } } } }).chrome.storage.local.set({
      'ui:hideDone': false,
      [`ui:collapsed:${view.ref.account} ${view.ref.jid}`]: [],
    });
  });
  expect(screen.getByText('Done one')).toBeTruthy();
});
