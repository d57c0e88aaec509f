// The UI's CSS as a string, so it can go into a <style> in a shadow root
// (content script) as well as in an extension page's document.
import { iconCss } from './icons';
import notesCss from './notes/notes.css?inline';
import css from './styles.css?inline';

export const uiCss: string = `${css}\n${notesCss}\n${iconCss}`;

/** Adds the UI's styles to a shadow root, or to a document's head. */
export function injectStyles(target: ShadowRoot | Document): void {
  const doc = target instanceof Document ? target : target.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = uiCss;
  (target instanceof Document ? target.head : target).append(style);
}
