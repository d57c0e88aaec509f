// A desktop notification when another moderator adds a task to a room a
// tab shows. Off by default (settings.notifyNewTasks); the `notifications`
// permission is optional and asked for by the options page.
import { has } from '../core/room-query';
import type { RoomItems, RoomView } from '../core/types';
import { roomKey } from '../core/types';
import type { Settings } from '../messages';
import type { RoomViewConsumer } from './room-follower';

export interface NotificationsLike {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
}

export interface NotifierDeps {
  settings: { get(): Promise<Settings> };
  /** the API when the permission is granted, else undefined (Chrome only exposes it then) */
  notifications(): Promise<NotificationsLike | undefined>;
  iconUrl: string;
  t(key: string, substitutions?: string[]): string;
}

/** At most this many notifications for one update: a burst of new tasks must not flood the desktop. */
const MAX_PER_UPDATE = 3;
const MESSAGE_MAX = 200;

/** Ids of tasks that someone else created since `before` (the tasks of the previous view). */
export function tasksAddedByOthers(view: RoomView, before: RoomItems['tasks']): string[] {
  return view.changed.filter((id) => has(view.items.tasks, id) && !has(before, id));
}

export class NewTaskNotifier implements RoomViewConsumer {
  /** the tasks per room as last seen, once loaded (kept, not copied: a view's records never change) */
  private seen = new Map<string, RoomItems['tasks']>();

  constructor(private readonly deps: NotifierDeps) {}

  onView(view: RoomView) {
    if (!view.loaded) return;
    const key = roomKey(view.ref);
    const before = this.seen.get(key);
    this.seen.set(key, view.items.tasks);
    // The first view of a room is what exists already, not news.
    if (!before) return;
    const added = tasksAddedByOthers(view, before);
    if (added.length) void this.notify(view, added);
  }

  private async notify(view: RoomView, ids: string[]) {
    const settings = await this.deps.settings.get();
    if (!settings.notifyNewTasks) return;
    const api = await this.deps.notifications();
    if (!api) return;
    for (const id of ids.slice(0, MAX_PER_UPDATE)) {
      const task = view.items.tasks[id];
      if (!task) continue;
      const message = task.name.length > MESSAGE_MAX ? `${task.name.slice(0, MESSAGE_MAX - 1)}…` : task.name;
      await api.create(`task ${roomKey(view.ref)} ${id}`, {
        type: 'basic',
        iconUrl: this.deps.iconUrl,
        title: this.deps.t('notifyNewTaskTitle', [view.title]),
        message,
      });
    }
  }
}
