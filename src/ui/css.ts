// The UI's CSS as strings, for a <style> in the page panel's shadow root
// (styles.ts puts all of it in an extension page's document): what the
// first paint of a room shows (uiCss), and later the parts' styles, which
// the parts loaded on use bring (part-styles.ts). Nothing here imports the
// parts' stylesheets, so that the panel's first chunk holds none of them.
import css from './styles.css?inline';

/** What the first paint of a room shows. */
export const uiCss: string = css;

/** Shadow roots showing the UI from its first paint's styles (the page panel's), and the parts' styles come so far. */
const roots = new Set<ShadowRoot>();
const partStyles: string[] = [];

function append(root: ShadowRoot, text: string): void {
  const style = root.ownerDocument.createElement('style');
  style.textContent = text;
  root.append(style);
}

/**
 * The parts' styles go to `root` as parts load (at once, those loaded
 * already); returns what stops it (the panel is unmounted).
 */
export function followPartStyles(root: ShadowRoot): () => void {
  for (const text of partStyles) append(root, text);
  roots.add(root);
  return () => roots.delete(root);
}

/** Styles that parts loaded on use show (part-styles.ts): to every root that follows them, now and later. */
export function addPartStyles(text: string): void {
  partStyles.push(text);
  for (const root of roots) append(root, text);
}
