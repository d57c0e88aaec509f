// The parts of the task and notes apps loaded on first use (lazy.ts): the
// forms with what their submit does (TaskForms.tsx), dialogs, the notes, the
// undo toast and the notices (StateNotices.tsx), moving and deleting
// (boardEdits.ts), none of which the first paint of a room shows or runs.
import { lazy, part } from './lazy';

export const AddTaskForm = lazy(() => import('./TaskForms').then((m) => m.AddTaskForm));
export const EditTaskForm = lazy(() => import('./TaskForms').then((m) => m.EditTaskForm));
export const RenameListForm = lazy(() => import('./TaskForms').then((m) => m.RenameListForm));
export const NewListForm = lazy(() => import('./TaskForms').then((m) => m.NewListForm));
export const TaskDialogs = lazy(() => import('./TaskDialogs').then((m) => m.TaskDialogs));
export const RoomNotes = lazy(() => import('./notes/RoomNotes').then((m) => m.RoomNotes));
export const Toast = lazy(() => import('./Toast').then((m) => m.Toast));
export const Banners = lazy(() => import('./StateNotices').then((m) => m.Banners));
export const BlockingState = lazy(() => import('./StateNotices').then((m) => m.BlockingState));
export const ProblemBox = lazy(() => import('./StateNotices').then((m) => m.ProblemBox));

/** Moving a task, deleting a task or a list (boardEdits.ts): only a user's action runs them. */
export const boardEdits = part(() => import('./boardEdits'));
