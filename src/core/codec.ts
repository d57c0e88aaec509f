import type { Item } from './types';
export type ParsedItem = { ok: true; item: Item } | { ok: false; id?: string; reason: string };
export function parseItem(itemEl: Element): ParsedItem { throw new Error('todo' + itemEl); }
export function serializeItem(item: Item): string { throw new Error('todo' + item); }
