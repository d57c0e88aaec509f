// What rows and list sections can ask of the task app. One stable object
// (context value never changes), so memoized rows re-render only when their
// own task changes.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Edit, TaskList } from '../core/types';

/** Where a task goes: next to `refId` in `listId` (before it, or after it), or at the end when refId is null. */
export interface DropPlace {
  listId: string;
  refId: string | null;
  after: boolean;
}

export interface BoardActions {
  /** sends the edit; resolves to the item id when it succeeded */
  edit(e: Edit): Promise<string | undefined>;
  /** the room's lists, in order, as now */
  lists(): readonly TaskList[];
  confirm(title: string, message: string, confirmLabel: string): Promise<boolean>;
  toggleCollapsed(listId: string): void;
  /** Alt+↑ / Alt+↓: one visible place up or down in its list */
  moveBy(taskId: string, delta: -1 | 1): void;
  moveTo(taskId: string, place: DropPlace): void;
  openMoveDialog(taskId: string): void;
  startDrag(e: PointerEvent, taskId: string): void;
  /** once the items have changed (the edit arrived), focus this element of the app (CSS selector) */
  focusAfterChange(selector: string): void;
}

/** A CSS attribute selector matching an untrusted value exactly. */
export const attr = (name: string, value: string) => `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;

/** The focused element of the document or shadow root holding `node`. */
export function activeElementOf(node: Node | null): Element | null {
  return node ? ((node.getRootNode() as Document | ShadowRoot).activeElement ?? null) : null;
}

export const BoardActionsContext = createContext<BoardActions | null>(null);

export function useBoardActions(): BoardActions {
  const actions = useContext(BoardActionsContext);
  if (!actions) throw new Error('useBoardActions outside TaskApp');
  return actions;
}
