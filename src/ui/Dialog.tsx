// A modal dialog: focus moves in, Tab and Shift+Tab stay inside, Escape
// cancels, and focus goes back where it was on close. Rendered inside the
// app's root so it works in a shadow root as well as in an extension page;
// its backdrop carries the theme's colours itself (.lct-backdrop), so a
// dialog rendered outside the app's root is just as opaque and legible.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import './part-styles';
import { useThemeScheme } from './themeScheme';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function activeElementOf(node: Node): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

export function Dialog(props: {
  title: string;
  onCancel: () => void;
  children: ComponentChildren;
  /** element to focus first (defaults to the first focusable) */
  initialFocus?: string;
  /** id of the element that says what the dialog is about, read out when it opens */
  describedBy?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const cancel = useRef(props.onCancel);
  cancel.current = props.onCancel;
  useThemeScheme(backdrop);

  useEffect(() => {
    const box = ref.current!;
    const before = activeElementOf(box) as HTMLElement | null;
    const first = (props.initialFocus && box.querySelector<HTMLElement>(props.initialFocus)) || box.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();

    // On the whole document (capturing): also when focus was lost to the
    // page, e.g. after a click on the dialog's text, Escape closes and Tab comes back in.
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        cancel.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)];
      if (items.length === 0) return;
      const active = activeElementOf(box);
      const inside = !!active && box.contains(active);
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (e.shiftKey && (active === first || !inside)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !inside)) {
        e.preventDefault();
        first.focus();
      }
    };
    const doc = box.ownerDocument;
    doc.addEventListener('keydown', onKeyDown, true);
    return () => {
      doc.removeEventListener('keydown', onKeyDown, true);
      before?.focus?.();
    };
  }, []);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a click on the backdrop is the mouse's Escape, which the document's key handler gives the keyboard
    <div ref={backdrop} class="lct-backdrop" onClick={(e) => e.target === e.currentTarget && props.onCancel()}>
      <div ref={ref} class="lct-dialog" role="dialog" aria-modal="true" aria-label={props.title} aria-describedby={props.describedBy}>
        <h2 class="lct-dialog-title">{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}
