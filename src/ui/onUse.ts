// The parts of the task and notes apps loaded on first use (lazy.ts): forms
// (and adding what they submit), dialogs, the notes, the undo toast and the
// notices (StateNotices.tsx), moving and deleting (boardEdits.ts), none of
// which the first paint of a room shows or runs.
import { lazy, part } from './lazy';

export const ItemForm = lazy(() => import('./ItemForm').then((m) => m.ItemForm));
export const TaskDialogs = lazy(() => import('./TaskDialogs').then((m) => m.TaskDialogs));
export const RoomNotes = lazy(() => import('./notes/RoomNotes').then((m) => m.RoomNotes));
export const Toast = lazy(() => import('./Toast').then((m) => m.Toast));
export const Banners = lazy(() => import('./StateNotices').then((m) => m.Banners));
export const BlockingState = lazy(() => import('./StateNotices').then((m) => m.BlockingState));
export const ProblemBox = lazy(() => import('./StateNotices').then((m) => m.ProblemBox));

const adding = part(() => import('./addTask'));

/** addTask (addTask.ts), which only a list's add form calls. */
export async function addTask(...args: Parameters<typeof import('./addTask').addTask>) {
  return (adding.now() ?? (await adding.get()))?.addTask(...args);
}

/** Moving a task, deleting a task or a list (boardEdits.ts): only a user's action runs them. */
export const boardEdits = part(() => import('./boardEdits'));
