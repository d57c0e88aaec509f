// PeerTube's theme can be dark while the system is light, or the reverse:
// native parts we draw (scrollbars, a select's menu, checkboxes) must follow
// the background actually drawn, which prefers-color-scheme cannot tell. The
// element's computed background says it; a theme switch changes attributes
// (or inline variables) on <html> or <body>, so those are watched.
import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/** Relative luminance (WCAG) of a computed colour: `rgb()`, `rgba()` or `color(srgb …)`; undefined if unreadable or transparent. */
function luminanceOf(color: string): number | undefined {
  const rgb = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(color);
  const srgb = /^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)$/.exec(color);
  const m = rgb ?? srgb;
  if (!m || Number(m[4] ?? 1) === 0) return undefined;
  const channels = [m[1], m[2], m[3]].map((c) => Number(c) / (rgb ? 255 : 1));
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Sets `color-scheme` on the element from its own background colour, now and when the page's theme changes. */
export function useThemeScheme(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const apply = () => {
      el.style.colorScheme = '';
      const lum = luminanceOf(getComputedStyle(el).backgroundColor);
      if (lum !== undefined) el.style.colorScheme = lum < 0.2 ? 'dark' : 'light';
    };
    apply();
    const doc = el.ownerDocument;
    const observer = new MutationObserver(apply);
    for (const target of [doc.documentElement, doc.body]) if (target) observer.observe(target, { attributes: true });
    return () => observer.disconnect();
  }, []);
}
