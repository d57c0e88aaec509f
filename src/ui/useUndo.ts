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
// The planner (undoPlan.ts) is loaded on use: an edit made before it came
// is sent at once, and its undo remembered when it came, from the items the
// edit was made on; Ctrl+Z meanwhile waits for it.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Undo } from '../core/undo';
import type { Edit, RoomItems } from '../core/types';
import { attr } from './boardActions';
import { t } from './i18n';
import { part } from './lazy';
import { isTextField } from './text-field';

/** Undos remembered per view (the toast shows the latest). */
const KEPT = 20;

export interface UndoEntry {
  key: number;
  undo: Undo;
  /** what was done, as the toast says it */
  message: string;
}

type Run = (edit: Edit) => Promise<string | undefined>;

let lastKey = 0;

const planner = part(() => import('./undoPlan'));

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
  const stack = useRef<UndoEntry[]>([]);
  const [toast, setToast] = useState<UndoEntry | null>(null);

  const forget = useCallback((entry: UndoEntry) => {
    stack.current = stack.current.filter((e) => e !== entry);
    setToast((shown) => (shown === entry ? null : shown));
  }, []);

  /** Remembers the undo of `edit`, made on `items`, and shows it in the toast. */
  const remember = useCallback((code: typeof import('./undoPlan') | undefined, items: RoomItems, edit: Edit) => {
    const planned = code?.planEntry(items, edit);
    if (!planned) return undefined;
    const entry: UndoEntry = { key: ++lastKey, ...planned };
    stack.current = [...stack.current, entry].slice(-KEPT);
    setToast(entry);
    return entry;
  }, []);

  /** Sends an edit, remembering its undo; an edit the background refused is not offered to undo. */
  const run = useCallback<Run>(
    async (edit) => {
      const items = latest.current.items;
      const code = planner.now();
      let entry = code && remember(code, items, edit);
      const sent = latest.current.run(edit);
      if (!code) entry = remember(await planner.get(), items, edit);
      const id = await sent;
      if (id === undefined && entry) forget(entry);
      return id;
    },
    [forget, remember],
  );

  /** Undoes `entry` (the toast's button) or the latest (Ctrl+Z); resolves to the item put back, if any. */
  const undo = useCallback(
    async (entry?: UndoEntry): Promise<string | undefined> => {
      // the undos of edits made before the planner came are remembered first
      if (!entry && !planner.now()) await planner.get();
      const target = entry ?? stack.current.at(-1);
      if (!target) {
        latest.current.announce(t('nothingToUndo'));
        return undefined;
      }
      forget(target);
      latest.current.announce(t('undone', target.message));
      return latest.current.run(target.undo.edit);
    },
    [forget],
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

/** Where focus goes once an undo from the toast's button shows (the button leaves with the toast): the item put back. */
export function focusAfterUndo(entry: UndoEntry): string {
  const edit = entry.undo.edit;
  const item = edit.op === 'restore' ? edit.items[0] : undefined;
  if (item?.kind === 'tasklist' || edit.op === 'renameList') {
    return `${attr('data-list-id', item?.id ?? ('id' in edit ? edit.id : ''))} ${attr('data-focus', 'collapse')}`;
  }
  return `${attr('data-task-id', item?.id ?? ('id' in edit ? edit.id : ''))} ${attr('data-focus', 'done')}`;
}
