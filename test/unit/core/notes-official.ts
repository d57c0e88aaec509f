// Test helpers: a transcription of the official ConverseJS plugin's notes code
// (peertube-plugin-livechat v14.0.4, conversejs/custom/plugins/notes/ and
// shared/lib/pubsub-manager.js, shared/components/draggables/index.js), so
// that our notes code is checked against what the official client does:
// the bytes it publishes (strophe), what it reads from an item, the order it
// shows, and the orders it publishes after a drag.

import { $build } from 'strophe.js';
import { NS } from '../../../src/core/types';
import { childElements } from '../../../src/core/xml';
import { officialSaveOrders, payloadOf } from './helpers';

/** A note model's data as the official client holds it. */
export interface OfficialNoteData {
  description?: string;
  order?: number;
  about_jid?: string | null;
  about_nick?: string | null;
  about_occupant_id?: string | null;
}

/** `PubSubManager._save` with the note type of notes/utils.js, then `NotePubSubManager._additionalDataToItemNode`. */
export function officialNotePayload(data: OfficialNoteData): string {
  const attributes: Record<string, unknown> = { xmlns: NS.note };
  if ('order' in data) attributes.order = data.order;
  const item = $build('item', {}).c('note', attributes as Record<string, string>);
  if ('description' in data) item.c('description').t(data.description!).up();
  const aboutAttributes: Record<string, unknown> = {};
  if (data.about_jid !== undefined) aboutAttributes.jid = data.about_jid;
  if (data.about_nick !== undefined) aboutAttributes.nick = data.about_nick;
  const occupantId = data.about_occupant_id;
  if (occupantId !== undefined || Object.values(aboutAttributes).length) {
    item.c('note-about', aboutAttributes as Record<string, string>);
    if (occupantId) item.c('occupant-id', { xmlns: NS.occupantId, id: occupantId }).up();
    item.up();
  }
  return payloadOf(item.tree());
}

/** `PubSubManager._parseItem` and `NotePubSubManager._additionalParseItemNode` on a <note> element. */
export function officialReadNote(note: Element): OfficialNoteData {
  const data: OfficialNoteData = {};
  for (const child of childElements(note)) {
    if (child.tagName === 'description') data.description = child.textContent ?? '';
  }
  // biome-ignore lint/correctness/useParseIntRadix: transcribed as the official client writes it
  data.order = parseInt(note.getAttribute('order') as string);
  const about = childElements(note).find((c) => c.localName === 'note-about');
  if (about) {
    data.about_jid = about.getAttribute('jid');
    data.about_nick = about.getAttribute('nick');
    const occupantIdEl = childElements(about).find((c) => c.localName === 'occupant-id');
    if (occupantIdEl) data.about_occupant_id = occupantIdEl.getAttribute('id');
  }
  return data;
}

export interface OfficialNote {
  id: string;
  order: number;
}

/** The ChatRoomNotes comparator (highest first), over Array.prototype.sort (stable). */
export const officialSort = (notes: OfficialNote[]): OfficialNote[] =>
  [...notes].sort((n1, n2) => {
    const o1 = n1.order ?? 0;
    const o2 = n2.order ?? 0;
    return o1 < o2 ? 1 : o1 > o2 ? -1 : 0;
  });

/** `ChatRoomNotes.createNote`: the order of a new note. */
export const officialNextOrder = (notes: OfficialNote[]): number =>
  1 + Math.max(0, ...notes.map((n) => n.order ?? 0).filter((o) => !Number.isNaN(o)));

/**
 * `MUCNotesView._dropDone` then `_saveOrders`: the publishes, in sequence, when
 * `movedId` is dropped on `targetId` of the collection `shown` (display order).
 */
export function officialDrop(shown: OfficialNote[], movedId: string, targetId: string, onTopHalf: boolean): [string, number][] {
  if (movedId === targetId) return [];
  let newOrder = shown.find((n) => n.id === targetId)!.order ?? 0;
  if (onTopHalf) newOrder = Math.max(0, newOrder + 1);
  if (typeof newOrder !== 'number' || Number.isNaN(newOrder)) return [];
  return officialSaveOrders([...shown].reverse(), movedId, newOrder);
}
