// @vitest-environment happy-dom
// There is no extension runtime in vitest: a fake `chrome.runtime` with
// ports stands in for it (the real background is tested in the e2e suite).
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Edit, RoomRef } from '../../../src/core/types';
import { useRoom } from '../../../src/ui/useRoom';
import { makeView } from './fixtures';
import { viewToText } from '../../../src/core/view-text';

type Listener = (m: unknown) => void;
class FakePort {
  name: string;
  posted: unknown[] = [];
  disconnected = false;
  private messageListeners: Listener[] = [];
  private disconnectListeners: (() => void)[] = [];
  onMessage = { addListener: (l: Listener) => this.messageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => this.disconnectListeners.push(l) };
  constructor(name: string) {
    this.name = name;
  }
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  disconnect() {
    this.disconnected = true;
  }
  /** the background side */
  send(m: unknown) {
    act(() => this.messageListeners.forEach((l) => l(m)));
  }
  drop() {
    this.disconnectListeners.forEach((l) => l());
  }
}

let ports: FakePort[];
/** the edits a view posted on a port */
const editsOn = (port: FakePort) => port.posted.filter((m) => (m as { type: string }).type === 'view/edit') as { id: string; edit: Edit }[];
beforeEach(() => {
  ports = [];
  (globalThis as { chrome?: unknown }).chrome = {
    runtime: {
      id: 'test-extension',
      connect: ({ name }: { name: string }) => {
        const port = new FakePort(name);
        ports.push(port);
        return port;
      },
    },
  };
});
afterEach(() => {
  cleanup();
  delete (globalThis as { chrome?: unknown }).chrome;
  vi.useRealTimers();
});

const room: RoomRef = makeView().ref;
let edit: (e: Edit) => Promise<unknown>;
function Probe({ which = room }: { which?: RoomRef }) {
  const r = useRoom(which);
  edit = r.edit;
  return <p>{r.refused ? `refused ${r.refused.code}` : (r.view?.title ?? 'no view')}</p>;
}

describe('useRoom', () => {
  test('watches the room over a port and shows each view the background pushes', () => {
    render(<Probe />);
    expect(ports).toHaveLength(1);
    expect(ports[0]!.name).toBe('room');
    expect(ports[0]!.posted).toEqual([{ type: 'view/watch', room }]);
    expect(screen.getByText('no view')).toBeTruthy();
    ports[0]!.send({ type: 'bg/room', view: viewToText(makeView([], { title: 'First' })) });
    expect(screen.getByText('First')).toBeTruthy();
    ports[0]!.send({ type: 'bg/room', view: viewToText(makeView([], { title: 'Other room', ref: { ...room, jid: 'other@room.x' } })) });
    ports[0]!.send({ type: 'bg/room', view: viewToText(makeView([], { title: 'Second' })) });
    expect(screen.getByText('Second')).toBeTruthy();
  });

  test('connects again when the port drops (background restarted), and keeps the last view meanwhile', async () => {
    vi.useFakeTimers();
    render(<Probe />);
    ports[0]!.send({ type: 'bg/room', view: viewToText(makeView([], { title: 'Before' })) });
    ports[0]!.drop();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ type: 'view/watch', room }]);
    expect(screen.getByText('Before')).toBeTruthy();
    ports[1]!.send({ type: 'bg/room', view: viewToText(makeView([], { title: 'After' })) });
    expect(screen.getByText('After')).toBeTruthy();
  });

  test('stops asking once the background refuses the watch', async () => {
    vi.useFakeTimers();
    render(<Probe />);
    ports[0]!.send({ type: 'bg/refused', error: { code: 'bad-request' } });
    ports[0]!.drop();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(ports).toHaveLength(1);
    expect(screen.getByText('refused bad-request')).toBeTruthy();
  });

  test('says when the extension context is gone, and fails edits at once without sending them', async () => {
    let state: ReturnType<typeof useRoom> | undefined;
    function GoneProbe() {
      state = useRoom(room);
      return <p>{state.gone ? `gone ${state.gone.code}` : (state.view?.title ?? 'no view')}</p>;
    }
    render(<GoneProbe />);
    ports[0]!.send({ type: 'bg/room', view: viewToText(makeView([], { title: 'Shown' })) });
    delete (globalThis as { chrome?: { runtime: { id?: string } } }).chrome!.runtime.id;
    act(() => ports[0]!.drop());
    expect(screen.getByText('gone context-gone')).toBeTruthy();
    expect(state!.view?.title).toBe('Shown');
    await expect(state!.edit({ op: 'createList', name: 'New' })).resolves.toEqual({ ok: false, error: { code: 'context-gone' } });
    expect(editsOn(ports[0]!)).toEqual([]);
  });

  test('closes the port when unmounted', () => {
    const { unmount } = render(<Probe />);
    act(() => {
      unmount();
    }); // preact 11 runs effect cleanups after paint: act flushes them
    expect(ports[0]!.disconnected).toBe(true);
  });

  test("edits go over the room's port and resolve with the background's answer", async () => {
    render(<Probe />);
    const e: Edit = { op: 'createList', name: 'New' };
    const reply = edit(e);
    const [posted] = editsOn(ports[0]!);
    expect(posted).toEqual({ type: 'view/edit', id: expect.stringMatching(/^[0-9a-f]{32}$/), edit: e });
    ports[0]!.send({ type: 'bg/edited', id: posted!.id, reply: { ok: true, value: { itemId: 'x1' } } });
    await expect(reply).resolves.toEqual({ ok: true, value: { itemId: 'x1' } });
  });
});
