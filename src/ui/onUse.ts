// The parts of the task and notes apps loaded on first use (lazy.ts): forms
// (a list's add form with the adding of what it submits, AddTaskForm.tsx),
// dialogs, the notes, the undo toast and the notices (StateNotices.tsx),
// moving and deleting (boardEdits.ts), none of which the first paint of a
// room shows or runs.
import { lazy, part } from './lazy';

export const ItemForm = lazy(() => import('./ItemForm').then((m) => m.ItemForm));
export const AddTaskForm = lazy(() => import('./AddTaskForm').then((m) => m.AddTaskForm));
export const TaskDialogs = lazy(() => import('./TaskDialogs').then((m) => m.TaskDialogs));
export const RoomNotes = lazy(() => import('./notes/RoomNotes').then((m) => m.RoomNotes));
export const Toast = lazy(() => import('./Toast').then((m) => m.Toast));
export const Banners = lazy(() => import('./StateNotices').then((m) => m.Banners));
export const BlockingState = lazy(() => import('./StateNotices').then((m) => m.BlockingState));
export const ProblemBox = lazy(() => import('./StateNotices').then((m) => m.ProblemBox));

/** Moving a task, deleting a task or a list (boardEdits.ts): only a user's action runs them. */
export const boardEdits = part(() => import('./boardEdits'));
