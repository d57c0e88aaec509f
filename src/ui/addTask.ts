// Adds a task from a list's add form: to that list, or to the one its name
// asked for with "#List" (created first when it was a "Create list").
import { foldText } from '../core/text-match';
import type { TaskList } from '../core/types';
import type { BoardActions } from './boardActions';
import type { TaskFormValue } from './ItemForm';

/** Resolves to the list the task went to (undefined when an edit failed: the app shows its error). */
export async function addTask(actions: BoardActions, formList: TaskList, value: TaskFormValue): Promise<TaskList | undefined> {
  const { listName, ...task } = value;
  let list: TaskList | undefined = formList;
  if (listName !== undefined && foldText(listName) !== foldText(formList.name)) {
    list = actions.lists().find((l) => foldText(l.name) === foldText(listName));
    if (!list) {
      const id = await actions.edit({ op: 'createList', name: listName });
      list = id ? { id, name: listName } : undefined;
    }
  }
  if (!list) return undefined;
  return (await actions.edit({ op: 'createTask', list: list.id, ...task })) ? list : undefined;
}
