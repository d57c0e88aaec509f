// Ticking a task done and moving it show in the frame of the input: the view
// applies them to what it shows at once, instead of waiting for the
// background's next view (a round trip through the worker) to carry them. A
// local edit lasts until the background's view shows it, the background
// refuses it, or a few seconds after its reply (the server may have made it
// something else meanwhile: the background's view is the truth).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RoomView } from '../core/types';
import { part } from './lazy';
import type { Instant, Local } from './localEdits';
import type { OnEdit } from './useEditRunner';

/** After its reply, a local edit the background's view does not show yet is dropped this much later. */
const AFTER_REPLY_MS = 3_000;

const isInstant = (edit: Parameters<OnEdit>[0]): edit is Instant => edit.op === 'setDone' || edit.op === 'moveTask';

/** What a local edit does to the view: a part of its own (no first paint has a local edit), so there are locals only once it came. */
const localCode = part(() => import('./localEdits'));

/** The view with the local edits applied (marked as not saved yet), and the edit function that makes them. */
export function useLocalEdits(received: RoomView, onEdit: OnEdit): [RoomView, OnEdit] {
  const [locals, setLocals] = useState<Local[]>([]);
  const nextKey = useRef(0);
  const latestOnEdit = useRef(onEdit);
  latestOnEdit.current = onEdit;
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => () => timers.current.forEach(clearTimeout), []);

  // what the background's view shows now is no longer local (and must not come back if someone changes it again)
  const code = localCode.now();
  const live = useMemo(() => (code && locals.length ? code.notShownIn(received.items, locals) : locals), [locals, received.items]);
  useEffect(() => {
    if (live.length !== locals.length) setLocals(live);
  }, [live]);

  const view = useMemo(() => (code && live.length ? code.withLocals(received, live) : received), [received, live]);

  const edit = useCallback<OnEdit>(async (e) => {
    if (!isInstant(e)) return latestOnEdit.current(e);
    const key = nextKey.current++;
    let dropped = false;
    const drop = () => {
      dropped = true;
      setLocals((ls) => ls.filter((l) => l.key !== key));
    };
    const add = () => setLocals((ls) => [...ls, { key, edit: e }]);
    // shown at once when its code is there (preloaded while idle), else once it came, unless over by then; the edit is sent meanwhile
    if (localCode.now()) add();
    else void localCode.get().then((code) => code && !dropped && add());
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
