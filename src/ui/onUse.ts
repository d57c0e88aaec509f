// The parts of the task and notes apps loaded on first use (lazy.ts): forms,
// dialogs and the notes, none of which the first paint of a room shows.
import { lazy } from './lazy';

export const ItemForm = lazy(() => import('./ItemForm').then((m) => m.ItemForm));
export const ConfirmDialog = lazy(() => import('./ConfirmDialog').then((m) => m.ConfirmDialog));
export const MoveDialog = lazy(() => import('./MoveDialog').then((m) => m.MoveDialog));
export const RoomNotes = lazy(() => import('./notes/RoomNotes').then((m) => m.RoomNotes));
