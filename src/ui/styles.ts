// All the UI's CSS for an extension page's document, at once: what a room's
// first paint shows (css.ts, all the page panel starts with), the parts'
// (parts.css, notes.css) and the pages' own (pages.css).
import { uiCss } from './css';
import notesCss from './notes/notes.css?inline';
import pagesCss from './pages.css?inline';
import partsCss from './parts.css?inline';

export function injectStyles(doc: Document): void {
  const style = doc.createElement('style');
  style.textContent = `${uiCss}\n${partsCss}\n${notesCss}\n${pagesCss}`;
  doc.head.append(style);
}
