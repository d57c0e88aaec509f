// Desktop notifications for tasks other moderators add. The notifications
// API cannot run in Node: a recorder stands in for it.
import { describe, expect, it } from 'vitest';
import { NewTaskNotifier, tasksAddedByOthers } from '../../../src/background/notifications';
import { DEFAULT_SETTINGS } from '../../../src/background/settings';
import { list, makeView, ROOM_A, task } from './fakes';

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(notifyNewTasks: boolean, granted = true) {
  const shown: { title: string; message: string }[] = [];
  const notifier = new NewTaskNotifier({
    settings: { get: async () => ({ ...DEFAULT_SETTINGS, notifyNewTasks }) },
    notifications: async () =>
      granted
        ? {
            create: async (_id: string, o: { title: string; message: string }) => {
              shown.push({ title: o.title, message: o.message });
              return _id;
            },
          }
        : undefined,
    iconUrl: 'icon.png',
    t: (key, subs) => `${key}:${subs?.join(',')}`,
  });
  return { notifier, shown };
}

const lists = [list('L1', 'Prep')];
const first = makeView(ROOM_A, { title: 'Big stream', lists, tasks: [task('T1', 'L1', 'old')] });
const withNew = makeView(ROOM_A, {
  title: 'Big stream',
  lists,
  tasks: [task('T1', 'L1', 'old'), task('T2', 'L1', 'Thank the raid')],
  changed: ['T2'],
});

describe('new task notifications', () => {
  it('tell about a task another moderator added, once', async () => {
    const { notifier, shown } = setup(true);
    notifier.onView(first);
    notifier.onView(withNew);
    notifier.onView(withNew); // the same view again (a second tab showing the room)
    await flush();
    expect(shown).toEqual([{ title: 'notifyNewTaskTitle:Big stream', message: 'Thank the raid' }]);
  });

  it('stay silent for what existed when the room was first seen, for edits of existing tasks, and for our own additions', () => {
    const renamed = makeView(ROOM_A, { lists, tasks: [task('T1', 'L1', 'renamed')], changed: ['T1'] });
    expect(tasksAddedByOthers(renamed, renamed.items.tasks)).toEqual([]);
    // our own creation is not in `changed` (the engine marks only others' changes)
    const ours = makeView(ROOM_A, { lists, tasks: [task('T1', 'L1', 'old'), task('T9', 'L1', 'mine')] });
    expect(tasksAddedByOthers(ours, { T1: ours.items.tasks.T1! })).toEqual([]);
  });

  it('are off by default, and need the permission', async () => {
    const off = setup(DEFAULT_SETTINGS.notifyNewTasks);
    off.notifier.onView(first);
    off.notifier.onView(withNew);
    const noPermission = setup(true, false);
    noPermission.notifier.onView(first);
    noPermission.notifier.onView(withNew);
    await flush();
    expect([...off.shown, ...noPermission.shown]).toEqual([]);
  });
});
