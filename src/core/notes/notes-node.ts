// The livechat-notes node as the engine follows it (node-codec.ts): notes read
// by notes/codec.ts, kept by item id.
import type { NodeCodec } from '../node-codec';
import { NOTES_NODE, NS } from '../ns';
import { record } from '../room';
import { has } from '../room-query';
import { parseNoteItem } from './codec';
import type { Note } from './types';

/** A room's notes by item id (no prototype: ids are untrusted). */
export type NoteItems = Record<string, Note>;

export const notesCodec: NodeCodec<Note, NoteItems> = {
  node: NOTES_NODE,
  feature: NS.note,
  parse(el) {
    const parsed = parseNoteItem(el);
    return parsed.ok ? { ok: true, item: parsed.note } : parsed;
  },
  empty: () => record<Note>(),
  copy: (items) => record(items),
  put(items, note) {
    items[note.id] = note;
  },
  drop(items, id) {
    delete items[id];
  },
  get: (items, id) => (has(items, id) ? items[id] : undefined),
  ids: (items) => Object.keys(items),
};
