// RoomView fixtures for the UI tests, built with the real core room model,
// and the real en/fr message catalogs (there is no extension i18n API in
// vitest, so the UI reads the same messages.json files the browser would).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import { emptyItems, withItem } from '../../../src/core/room';
import type { RoomEdit, RoomItems, RoomView, Task } from '../../../src/core/types';
import type { Reply } from '../../../src/messages';
import { installCatalog, type Catalog } from '../../../src/ui/i18n-catalog';
import { noNotes } from '../../../src/core/notes/view';

/** vitest runs from the repository root (import.meta.url is not a file URL under happy-dom). */
export const fromRoot = (path: string) => resolve(process.cwd(), path);

const catalog = (lang: 'en' | 'fr'): Catalog =>
  JSON.parse(readFileSync(fromRoot(`public/_locales/${lang}/messages.json`), 'utf8')) as Catalog;

export const messages = { en: catalog('en'), fr: catalog('fr') };

export function useLocale(lang: 'en' | 'fr'): void {
  installCatalog(messages[lang]);
}
useLocale('en');

/**
 * The app's stylesheets in the test document, so tests can check what CSS
 * shows (struck-through, hidden…): a room's first paint's and its parts'
 * (forms, dialogs…), as an extension page has them.
 */
export const stylesheet = ['src/ui/styles.css', 'src/ui/parts.css'].map((file) => readFileSync(fromRoot(file), 'utf8')).join('\n');

interface TaskSpec extends Partial<Omit<Task, 'list'>> {
  name: string;
}
export interface ListSpec {
  id?: string;
  name: string;
  tasks?: (string | TaskSpec)[];
}

/** Items from a compact description; ids are L1, L2… and L1-T1, L1-T2… unless given. */
export function makeItems(lists: ListSpec[]): RoomItems {
  let items = emptyItems();
  lists.forEach((spec, l) => {
    const listId = spec.id ?? `L${l + 1}`;
    items = withItem(items, { kind: 'tasklist', id: listId, name: spec.name, unknown: { attrs: {}, children: [] } });
    (spec.tasks ?? []).forEach((t, i) => {
      const task = typeof t === 'string' ? { name: t } : t;
      items = withItem(items, {
        kind: 'task',
        id: task.id ?? `${listId}-T${i + 1}`,
        list: listId,
        name: task.name,
        ...(task.description !== undefined ? { description: task.description } : {}),
        order: task.order ?? i,
        done: task.done ?? false,
        unknown: { attrs: {}, children: [] },
      });
    });
  });
  return items;
}

export function makeView(lists: ListSpec[] = [], overrides: Partial<RoomView> = {}): RoomView {
  return {
    ref: { account: 'peertube:https://video.example.org', jid: 'abc@room.video.example.org' },
    title: 'Friday stream',
    status: 'live',
    rights: 'moderator',
    items: makeItems(lists),
    pending: [],
    notes: noNotes(),
    participants: {},
    changed: [],
    skipped: { count: 0 },
    loaded: true,
    updatedAt: 0,
    ...overrides,
  };
}

/** Stands in for the background (which needs a browser and a server): records the edits and says yes. */
export function acceptingEdits() {
  let n = 0;
  return vi.fn(async (_e: RoomEdit): Promise<Reply<{ itemId: string }>> => ({ ok: true, value: { itemId: `new-${++n}` } }));
}
