// Ticking a task done and moving it show in the frame of the input: the view
// applies them to what it shows at once, instead of waiting for the
// background's next view (a round trip through the worker) to carry them. A
// local edit lasts until the background's view shows it, the background
// refuses it, or a few seconds after its reply (the server may have made it
// something else meanwhile: the background's view is the truth).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getTask, planMove, withChanges, withItem } from '../core/room';
import type { Edit, PendingEdit, RoomItems, RoomView } from '../core/types';
import type { OnEdit } from './useEditRunner';

type Instant = Extract<Edit, { op: 'setDone' | 'moveTask' }>;
type Local = { key: number; edit: Instant };

/** After its reply, a local edit the background's view does not show yet is dropped this much later. */
const AFTER_REPLY_MS = 3_000;

const isInstant = (edit: Parameters<OnEdit>[0]): edit is Instant => edit.op === 'setDone' || edit.op === 'moveTask';

/** Whether `items` already show the edit (or it no longer applies: the task is gone). */
function shows(items: RoomItems, edit: Instant): boolean {
  const task = getTask(items, edit.id);
  if (!task) return true;
  return edit.op === 'setDone' ? task.done === edit.done : planMove(items, edit.id, edit.list, edit.index).length === 0;
}

function apply(items: RoomItems, edit: Instant): RoomItems {
  const task = getTask(items, edit.id)!;
  if (edit.op === 'setDone') return withItem(items, { kind: 'task', ...task, done: edit.done });
  const moved = planMove(items, edit.id, edit.list, edit.index).map((t) => ({ kind: 'task' as const, ...t }));
  return withChanges(items, moved, []);
}

/** The view with the local edits applied (marked as not saved yet), and the edit function that makes them. */
export function useLocalEdits(received: RoomView, onEdit: OnEdit): [RoomView, OnEdit] {
  const [locals, setLocals] = useState<Local[]>([]);
  const nextKey = useRef(0);
  const latestOnEdit = useRef(onEdit);
  latestOnEdit.current = onEdit;
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => () => timers.current.forEach(clearTimeout), []);

  // what the background's view shows now is no longer local (and must not come back if someone changes it again)
  const live = useMemo(() => locals.filter((l) => !shows(received.items, l.edit)), [locals, received.items]);
  useEffect(() => {
    if (live.length !== locals.length) setLocals(live);
  }, [live]);

  const view = useMemo(() => {
    if (!live.length) return received;
    let items = received.items;
    const pending: PendingEdit[] = [...received.pending];
    for (const { key, edit } of live) {
      if (shows(items, edit)) continue;
      items = apply(items, edit);
      pending.push({ id: `view:${key}`, itemId: edit.id, kind: edit.op });
    }
    return { ...received, items, pending };
  }, [received, live]);

  const edit = useCallback<OnEdit>(async (e) => {
    if (!isInstant(e)) return latestOnEdit.current(e);
    const key = nextKey.current++;
    const drop = () => setLocals((ls) => ls.filter((l) => l.key !== key));
    setLocals((ls) => [...ls, { key, edit: e }]);
    try {
      const reply = await latestOnEdit.current(e);
      if (reply.ok) {
        const timer = setTimeout(() => {
          timers.current.delete(timer);
          drop();
        }, AFTER_REPLY_MS);
        timers.current.add(timer);
      } else drop();
      return reply;
    } catch (error) {
      drop();
      throw error;
    }
  }, []);

  return [view, edit];
}
