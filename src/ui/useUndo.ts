// Undo in the task app: each deletion, tick, edit, rename or move the user
// makes here is remembered with the edit that undoes it (core/undo.ts); the
// toast offers the latest, Ctrl+Z (⌘Z) takes them back one by one.
//
// The record lives in the view, not in the background. It is what this user
// did in this window, and the view has it whole: the items as they were when
// the user acted (with what other clients stored in them), which is exactly
// what a deletion's undo publishes again. The view outlives what an undo must
// survive: a reconnect (only the session drops) and a stopped worker (the
// view reconnects its port and keeps its state), and its undo is then an
// ordinary edit, queued and sent like any other, also offline. Kept in the
// worker, the record would have to be written to storage on every edit (the
// worker may stop at any moment), and Ctrl+Z in one window would take back
// what the user did in another, with no toast there to say so. A view closed
// or reloaded forgets its undos, as an editor's window does.
//
// The stack and its planner (undoStack.ts, undoPlan.ts) are loaded on use:
// an edit made before they came is sent at once, and its undo remembered
// when they came, from the items the edit was made on; Ctrl+Z meanwhile
// waits for them.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Edit, RoomItems } from '../core/types';
import { part } from './lazy';
import { isTextField } from './text-field';
import type { UndoEntry, UndoStack } from './undoStack';

type Run = (edit: Edit) => Promise<string | undefined>;

const stackCode = part(() => import('./undoStack'));

export function useUndo(opts: {
  items: RoomItems;
  run: Run;
  /** tells screen readers (the app's polite live region) */
  announce: (message: string) => void;
  /** the app's root: Ctrl+Z is taken while focus is in it */
  root: { current: HTMLElement | null };
}) {
  const latest = useRef(opts);
  latest.current = opts;
  const [toast, setToast] = useState<UndoEntry | null>(null);
  const stack = useRef<UndoStack | undefined>(undefined);
  /** this view's stack, once its code came */
  const stackNow = useCallback(() => {
    const code = stackCode.now();
    return code && (stack.current ??= new code.UndoStack(setToast));
  }, []);

  /** Sends an edit, remembering its undo; an edit the background refused is not offered to undo. */
  const run = useCallback<Run>(
    async (edit) => {
      const items = latest.current.items;
      const now = stackNow();
      // sent first (other moderators see it no later than they must), its undo planned on the items it was made on
      const sent = latest.current.run(edit);
      const entry = now ? now.remember(items, edit) : (await stackCode.get()) && stackNow()?.remember(items, edit);
      const id = await sent;
      if (id === undefined && entry) stackNow()?.forget(entry);
      return id;
    },
    [stackNow],
  );

  /** Undoes `entry` (the toast's button) or the latest (Ctrl+Z); resolves to the item put back, if any. */
  const undo = useCallback(
    async (entry?: UndoEntry): Promise<string | undefined> => {
      // the undos of edits made before the stack came are remembered first
      if (!stackNow()) await stackCode.get();
      const target = stackNow()?.take(entry, latest.current.announce);
      return target && latest.current.run(target.undo.edit);
    },
    [stackNow],
  );

  // Ctrl+Z (⌘Z) anywhere in the app but in a text field, where it undoes the
  // typing, and in a dialog. Listening on the app's root node, as "/" does
  // (SearchBar.tsx): in the page panel only keys pressed inside the panel.
  useEffect(() => {
    const scope = latest.current.root.current?.getRootNode() as Document | ShadowRoot | undefined;
    if (!scope) return;
    const onKey = (e: Event) => {
      const k = e as KeyboardEvent;
      if (k.key.toLowerCase() !== 'z' || !(k.ctrlKey || k.metaKey) || k.shiftKey || k.altKey || k.defaultPrevented) return;
      const target = k.composedPath()[0] ?? null;
      if (isTextField(target) || (target instanceof Element && target.closest('[role="dialog"]'))) return;
      k.preventDefault();
      k.stopPropagation();
      void undo();
    };
    scope.addEventListener('keydown', onKey);
    return () => scope.removeEventListener('keydown', onKey);
  }, [undo]);

  return { run, toast, undo, dismiss: useCallback(() => setToast(null), []) };
}
