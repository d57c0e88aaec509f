// "Add as task" in the page's context menu, for selected text and for
// links. The task goes to the tab's room, or to the last room used when the
// tab shows none, in the list last picked there (else the default list).
import type { RoomRef, RoomView, TaskList } from '../core/types';
import { roomKey } from '../core/types';
import type { Settings } from '../messages';
import type { Engine } from './engine/engine';
import type { TabRooms } from './tab-rooms';

export const MENU_ID = 'add-as-task';

export interface MenusLike {
  removeAll(): Promise<void>;
  create(props: { id: string; title: string; contexts: ('selection' | 'link')[] }): unknown;
}

/** The parts of menus.OnClickData used here. */
export interface ClickInfo {
  menuItemId: string | number;
  selectionText?: string;
  linkUrl?: string;
  linkText?: string;
  pageUrl?: string;
}

export interface TaskDraft {
  name: string;
  description: string;
}

const NAME_MAX = 200;

/** Menus survive worker restarts; (re)create ours on install and update only. */
export async function createMenu(menus: MenusLike, title: string): Promise<void> {
  await menus.removeAll();
  menus.create({ id: MENU_ID, title, contexts: ['selection', 'link'] });
}

const oneLine = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Name and description for a click: the text as name, the address it came from as description. */
export function draftFromClick(info: ClickInfo): TaskDraft | undefined {
  const source = info.linkUrl ?? info.pageUrl ?? '';
  const text = oneLine(info.selectionText) || oneLine(info.linkText) || (info.linkUrl ?? '');
  if (!text) return undefined;
  if (text.length <= NAME_MAX) return { name: text, description: source };
  // A long selection keeps a readable name; nothing of the text is lost.
  return { name: `${text.slice(0, NAME_MAX - 1)}…`, description: source ? `${text}\n\n${source}` : text };
}

/** Lists in the official client's order: by name. */
const byName = (a: TaskList, b: TaskList) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** The list last picked in that room if it still exists, else the default list by name, else the first list. */
export function pickList(view: RoomView, settings: Pick<Settings, 'lastList' | 'defaultListName'>): string | undefined {
  const lists = view.items.lists;
  const last = settings.lastList[roomKey(view.ref)];
  if (last && lists[last]) return last;
  const sorted = Object.values(lists).sort(byName);
  const wanted = settings.defaultListName.trim().toLowerCase();
  const named = wanted ? sorted.find((l) => l.name.trim().toLowerCase() === wanted) : undefined;
  return (named ?? sorted[0])?.id;
}

export interface AddAsTaskDeps {
  engine: Pick<Engine, 'view' | 'edit'>;
  tabRooms: TabRooms;
  settings: { get(): Promise<Settings> };
  /** tells the user, on that tab, what went wrong */
  reportProblem(tabId: number | undefined, message: string): void;
  t(key: string, substitutions?: string[]): string;
}

export async function addAsTask(info: ClickInfo, tabId: number | undefined, deps: AddAsTaskDeps): Promise<void> {
  if (info.menuItemId !== MENU_ID) return;
  const draft = draftFromClick(info);
  if (!draft) return;
  const settings = await deps.settings.get();
  const room: RoomRef | undefined = (tabId !== undefined ? deps.tabRooms.get(tabId)?.room : undefined) ?? settings.lastRoom;
  if (!room) return deps.reportProblem(tabId, deps.t('menuNoRoom'));
  const view = deps.engine.view(room);
  const list = view && pickList(view, settings);
  if (!list) return deps.reportProblem(tabId, deps.t('menuNoList'));
  const { name, description } = draft;
  const reply = await deps.engine.edit(room, { op: 'createTask', list, name, ...(description ? { description } : {}) });
  if (!reply.ok) deps.reportProblem(tabId, deps.t('menuAddFailed', [reply.error.detail ?? reply.error.code]));
}
