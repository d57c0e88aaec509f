import type { Edit, Item, RoomItems } from './types';
export type Plan = { publish: Item[]; retract: string[] };
export function planEdit(items: RoomItems, edit: Edit): Plan | { error: string } { throw new Error('todo' + items + edit); }
export function applyOptimistic(items: RoomItems, edit: Edit, tempId: string): RoomItems { throw new Error('todo' + items + edit + tempId); }
