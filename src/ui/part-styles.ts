// Imported by every part of the UI loaded on use that shows something of its
// own (forms, dialogs, drag and drop, the undo toast, the notes, a search's
// matches), before it renders: the first one loaded brings the parts' styles
// (parts.css, notes.css) to the page panel, whose first paint has only what
// a room's first paint shows (css.ts). Extension pages have them all already.
import notesCss from './notes/notes.css?inline';
import partsCss from './parts.css?inline';
import { addPartStyles } from './css';

addPartStyles(`${partsCss}\n${notesCss}`);
