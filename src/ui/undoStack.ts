// The undos a task app remembers (useUndo.ts keeps one stack per view),
// loaded on use with their planner (undoPlan.ts): no first paint needs
// them. An entry knows what the toast says of it and where focus goes once
// it is undone from the toast's button (the button leaves with the toast).
import type { Edit, RoomItems } from '../core/types';
import type { Undo } from '../core/undo';
import { attr } from './boardActions';
import { t } from './i18n';
import { planEntry } from './undoPlan';

/** Undos remembered per view (the toast shows the latest). */
const KEPT = 20;

export interface UndoEntry {
  key: number;
  undo: Undo;
  /** what was done, as the toast says it */
  message: string;
  /** the item put back, as a selector of what takes focus after an undo from the toast */
  focus: string;
}

/** The entry the toast shows, as a state update (`null` when none). */
type ShowToast = (update: (shown: UndoEntry | null) => UndoEntry | null) => void;

let lastKey = 0;

export class UndoStack {
  private entries: UndoEntry[] = [];

  constructor(private readonly show: ShowToast) {}

  /** Remembers the undo of `edit`, made on `items`, and shows it in the toast. */
  remember(items: RoomItems, edit: Edit): UndoEntry | undefined {
    const planned = planEntry(items, edit);
    if (!planned) return undefined;
    const entry: UndoEntry = { key: ++lastKey, ...planned, focus: focusAfterUndo(planned.undo) };
    this.entries = [...this.entries, entry].slice(-KEPT);
    this.show(() => entry);
    return entry;
  }

  forget(entry: UndoEntry): void {
    this.entries = this.entries.filter((e) => e !== entry);
    this.show((shown) => (shown === entry ? null : shown));
  }

  /** Takes `entry` (the toast's), or the latest, off the stack; says which to screen readers, or that there is none. */
  take(entry: UndoEntry | undefined, announce: (message: string) => void): UndoEntry | undefined {
    const target = entry ?? this.entries.at(-1);
    if (!target) {
      announce(t('nothingToUndo'));
      return undefined;
    }
    this.forget(target);
    announce(t('undone', target.message));
    return target;
  }
}

/** Where focus goes once an undo shows: the item put back. */
function focusAfterUndo(undo: Undo): string {
  const edit = undo.edit;
  const item = edit.op === 'restore' ? edit.items[0] : undefined;
  if (item?.kind === 'tasklist' || edit.op === 'renameList') {
    return `${attr('data-list-id', item?.id ?? ('id' in edit ? edit.id : ''))} ${attr('data-focus', 'collapse')}`;
  }
  return `${attr('data-task-id', item?.id ?? ('id' in edit ? edit.id : ''))} ${attr('data-focus', 'done')}`;
}
