// The real TaskApp with 5,000 items (50 lists, 4,950 tasks, the node's
// limit) in a side-panel-sized box, for bench/ui-scroll.mjs to time and
// test/e2e/ui-drag.test.ts to drag in.
import { render } from 'preact';
import { emptyItems, withItem } from '../../src/core/room';
import type { RoomItems, RoomView } from '../../src/core/types';
import { injectStyles } from '../../src/ui/styles';
import { TaskApp } from '../../src/ui/TaskApp';
import { noNotes } from '../../src/core/notes/view';

const none = { attrs: {}, children: [] };
let items: RoomItems = emptyItems();
for (let l = 0; l < 50; l++) {
  items = withItem(items, { kind: 'tasklist', id: `L${l}`, name: `List ${String(l).padStart(2, '0')}`, unknown: none });
  for (let t = 0; t < 99; t++) {
    items = withItem(items, {
      kind: 'task',
      id: `L${l}-T${t}`,
      list: `L${l}`,
      name: `Task ${l}.${t} ${'word '.repeat(t % 7)}`,
      ...(t % 4 === 0 ? { description: 'A description that wraps over a couple of lines in a narrow panel, like real ones do.' } : {}),
      order: t,
      done: t % 3 === 0,
      unknown: none,
    });
  }
}
let view: RoomView = {
  ref: { account: 'peertube:https://bench.example', jid: 'bench@room.bench.example' },
  title: 'Bench room',
  status: 'live',
  rights: 'moderator',
  items,
  pending: [],
  notes: noNotes(),
  participants: {},
  changed: [],
  skipped: { count: 0 },
  loaded: true,
  updatedAt: 0,
};

injectStyles(document);
const root = document.getElementById('app')!;
const w = window as unknown as Record<string, unknown>;
/** edits the app asked for, for the real-browser drag tests */
const edits: unknown[] = (w.edits = []);
const onEdit = async (e: unknown) => {
  edits.push(e);
  return { ok: true as const, value: { itemId: 'x' } };
};
const paint = () => render(<TaskApp view={view} onEdit={onEdit} variant="sidepanel" />, root);

const t0 = performance.now();
paint();
void document.body.offsetHeight; // include layout
w.renderMs = performance.now() - t0;
w.itemCount = Object.keys(items.lists).length + Object.keys(items.tasks).length;
w.firstRows = document.querySelectorAll('[data-task-id]').length;
// only rows near the view render (windowing); those come with the first paint, the time includes the task after it
setTimeout(() => {
  void document.body.offsetHeight;
  w.allRenderedMs = performance.now() - t0;
  w.rowsInPage = document.querySelectorAll('[data-task-id]').length;
}, 0);
/** one task changed by someone else: time to show it */
w.updateOne = (n: number) => {
  const task = view.items.tasks[`L${n % 50}-T${n % 99}`]!;
  view = { ...view, items: withItem(view.items, { kind: 'task', ...task, name: `${task.name}!` }), changed: [task.id] };
  const start = performance.now();
  paint();
  const js = performance.now() - start;
  void document.body.offsetHeight;
  return { js, total: performance.now() - start };
};
/**
 * The same change as the extension delivers it: the whole view as a fresh
 * copy (a runtime port serializes every message), from the copy until shown.
 */
w.pushOne = (n: number) => {
  const task = view.items.tasks[`L${n % 50}-T${n % 99}`]!;
  view = { ...view, items: withItem(view.items, { kind: 'task', ...task, done: !task.done }), changed: [] };
  const copy = JSON.stringify(view);
  const start = performance.now();
  render(<TaskApp view={JSON.parse(copy) as RoomView} onEdit={onEdit} variant="sidepanel" />, root);
  void document.body.offsetHeight;
  return performance.now() - start;
};
