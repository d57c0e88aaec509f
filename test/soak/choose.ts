// What each moderator does next: an edit a user could make on what their
// screen shows, chosen by the seeded generator, with names that are unique in
// the whole run (so that a duplicate on the server is seen at once).
import type { Edit, RoomView } from '../../src/core/types';
import type { OfficialClient } from './official-client';
import type { Prng } from './prng';

/** An edit a user could make on what the panel shows; now and then on what they just created. */
export function chooseEdit(view: RoomView, prng: Prng, name: (what: string) => string, recent: string[]): Edit | undefined {
  if (view.rights !== 'moderator' || !view.loaded) return undefined;
  const lists = Object.values(view.items.lists);
  const tasks = Object.values(view.items.tasks).filter((t) => view.items.lists[t.list]);
  const fresh = prng.chance(0.35) ? prng.pick(recent) : undefined;
  const list = (fresh && view.items.lists[fresh]) || prng.pick(lists);
  const task = (fresh && view.items.tasks[fresh]) || prng.pick(tasks);
  const op = prng.weighted({
    createList: lists.length < 3 ? 3 : lists.length < 6 ? 0.5 : 0,
    renameList: 1,
    deleteList: lists.length > 3 ? 0.5 : 0,
    createTask: tasks.length < 30 ? 4 : 0.5,
    editTask: 2,
    setDone: 3,
    moveTask: 3,
    deleteTask: tasks.length > 15 ? 2 : 0.3,
  });
  const description = () => (prng.chance(0.5) ? undefined : `about ${name('note')}`);
  switch (op) {
    case 'createList':
      return { op, name: name('list') };
    case 'renameList':
      return list && { op, id: list.id, name: name('list') };
    case 'deleteList':
      return list && { op, id: list.id };
    case 'createTask':
      return list && { op, list: list.id, name: name('task'), description: description() };
    case 'editTask':
      return task && { op, id: task.id, name: name('task'), description: description() };
    case 'setDone':
      return task && { op, id: task.id, done: !task.done };
    case 'moveTask': {
      const to = prng.chance(0.6) && task ? view.items.lists[task.list] : list;
      if (!task || !to) return undefined;
      const size = Object.values(view.items.tasks).filter((t) => t.list === to.id).length;
      return { op, id: task.id, list: to.id, index: prng.int(0, size) };
    }
    case 'deleteTask':
      return task && { op, id: task.id };
  }
}

export function officialOp(client: OfficialClient, prng: Prng, name: (what: string) => string): string | undefined {
  const lists = [...client.lists.keys()];
  const tasks = [...client.tasks.keys()].filter((id) => client.lists.has(client.tasks.get(id)!.list));
  const list = prng.pick(lists);
  const task = prng.pick(tasks);
  const op = prng.weighted({
    createList: lists.length < 3 ? 2 : 0.3,
    renameList: 1,
    deleteList: lists.length > 3 ? 0.5 : 0,
    createTask: tasks.length < 30 ? 3 : 0.3,
    editTask: 2,
    setDone: 3,
    moveTask: 3,
    deleteTask: tasks.length > 15 ? 2 : 0.3,
  });
  const description = () => (prng.chance(0.5) ? '' : `about ${name('note')}`);
  if (op === 'createList') client.createList(name('list'));
  else if (op === 'createTask' && list) client.createTask(list, name('task'), description());
  else if (op === 'renameList' && list) client.renameList(list, name('list'));
  else if (op === 'deleteList' && list) client.deleteList(list);
  else if (op === 'editTask' && task) client.editTask(task, name('task'), description());
  else if (op === 'setDone' && task) client.toggleDone(task);
  else if (op === 'deleteTask' && task) client.deleteTask(task);
  else if (op === 'moveTask' && task) {
    const onTask = prng.pick(tasks);
    if (prng.chance(0.2) || !onTask) client.move(task, { list: list! });
    else client.move(task, { task: onTask, lowerHalf: prng.chance(0.5) });
  } else return undefined;
  return op;
}
