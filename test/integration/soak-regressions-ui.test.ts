// @vitest-environment happy-dom
// Issue 18, finding 3: what a view (useRoom + TaskApp, as the side panel
// mounts them) tells the user when the worker stops while it answers an edit.
// There is no browser here: a fake `chrome.runtime` plays the worker's side
// of the port (views and edits go over it), the rest is the real UI code.
// (Finding 2, the orphaned panel, is tested with room-port.ts.)
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { RoomView } from '../../src/core/types';
import { TaskApp } from '../../src/ui/TaskApp';
import { useRoom } from '../../src/ui/useRoom';
import { makeView, messages } from '../unit/ui/fixtures';
import { viewToText } from '../../src/core/view-text';

type Listener = (m: unknown) => void;

/** The worker's end of a runtime port. */
class WorkerPort {
  private readonly onMessageListeners: Listener[] = [];
  private readonly onDisconnectListeners: Array<() => void> = [];
  onMessage = { addListener: (l: Listener) => this.onMessageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => this.onDisconnectListeners.push(l) };
  posted: { type: string; id?: string }[] = [];
  postMessage(m: { type: string; id?: string }) {
    this.posted.push(m);
  }
  send(m: unknown) {
    act(() => this.onMessageListeners.forEach((l) => l(m)));
  }
  disconnect() {}
  push(view: RoomView) {
    act(() => this.onMessageListeners.forEach((l) => l({ type: 'bg/room', view: viewToText(view) })));
  }
  /** the worker stopped (or the extension went away) */
  drop() {
    act(() => this.onDisconnectListeners.forEach((l) => l()));
  }
}

let ports: WorkerPort[];
let runtime: { id?: string; connect: (info: { name: string }) => WorkerPort };
beforeEach(() => {
  ports = [];
  runtime = {
    id: 'test-extension',
    connect: () => {
      const port = new WorkerPort();
      ports.push(port);
      return port;
    },
  };
  (globalThis as { chrome?: unknown }).chrome = { runtime };
});
afterEach(() => {
  cleanup();
  delete (globalThis as { chrome?: unknown }).chrome;
});

const before = makeView([{ id: 'L', name: 'Prep', tasks: [{ id: 't', name: 'Check sound' }] }]);
const ticked = makeView([{ id: 'L', name: 'Prep', tasks: [{ id: 't', name: 'Check sound', done: true }] }]);
const notSaved = messages.en.editFailed!.message.split(':')[0]!; // "Your change was not saved"

function View() {
  const { view, edit } = useRoom(before.ref);
  return view ? h(TaskApp, { view, onEdit: edit, variant: 'panel' }) : h('p', null, 'loading');
}

const tick = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

test('a reply lost because the worker stopped while answering is followed up, not reported as a failure', async () => {
  render(h(View, null));
  ports[0]!.push(before);
  fireEvent.click(screen.getByRole('checkbox', { name: 'Check sound' }));
  const edit = ports[0]!.posted.find((m) => m.type === 'view/edit')!;
  expect(edit).toBeTruthy();
  // the worker publishes the edit, then stops before its answer is sent
  await tick(20);
  ports[0]!.drop();
  await tick(50);
  // the next worker is asked again under the same id: it has the edit (the server has it), and says so
  expect(ports.length).toBeGreaterThan(1);
  const next = ports[ports.length - 1]!;
  expect(next.posted.filter((m) => m.type === 'view/edit')).toEqual([edit]);
  next.push(ticked);
  next.send({ type: 'bg/edited', id: edit.id, reply: { ok: true, value: { itemId: 't' } } });
  await tick(50);
  expect((screen.getByRole('checkbox', { name: 'Check sound' }) as HTMLInputElement).checked).toBe(true);
  expect(document.body.textContent).not.toContain(notSaved);
});
