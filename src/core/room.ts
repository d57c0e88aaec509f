import type { Item, RoomItems, Task, TaskList } from './types';
export function emptyItems(): RoomItems { throw new Error('todo'); }
export function getList(items: RoomItems, id: string): TaskList | undefined { throw new Error('todo' + items + id); }
export function getTask(items: RoomItems, id: string): Task | undefined { throw new Error('todo' + items + id); }
export function withItem(items: RoomItems, item: Item): RoomItems { throw new Error('todo' + items + item); }
export function withoutItem(items: RoomItems, id: string): RoomItems { throw new Error('todo' + items + id); }
export function sortedLists(items: RoomItems): TaskList[] { throw new Error('todo' + items); }
export function tasksOf(items: RoomItems, listId: string): Task[] { throw new Error('todo' + items + listId); }
export function openTasksCount(items: RoomItems, listId?: string): number { throw new Error('todo' + items + listId); }
export function nextOrder(items: RoomItems, listId: string): number { throw new Error('todo' + items + listId); }
/** The tasks to republish (with their new list/order) to move `taskId` to `index` of `listId`. */
export function planMove(items: RoomItems, taskId: string, listId: string, index: number): Task[] { throw new Error('todo' + items + taskId + listId + index); }
