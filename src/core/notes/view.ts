// The notes part of a room view (types.ts NotesView) when the room offers no
// notes, or not yet: what a view paints before it knows more.
import type { NotesView } from '../types';

export const noNotes = (): NotesView => ({ available: false, items: {}, pending: [], skipped: { count: 0 }, loaded: false });
