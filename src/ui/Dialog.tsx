// A modal dialog: focus moves in, Tab and Shift+Tab stay inside, Escape
// cancels, and focus goes back where it was on close. Rendered inside the
// app's root so it works in a shadow root as well as in an extension page.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

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
  useEffect(() => {
    const box = ref.current!;
    const before = activeElementOf(box) as HTMLElement | null;
    const first = (props.initialFocus && box.querySelector<HTMLElement>(props.initialFocus)) || box.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => before?.focus?.();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onCancel();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = [...ref.current!.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const active = activeElementOf(ref.current!);
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && (active === first || !ref.current!.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !ref.current!.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div class="lct-backdrop" onClick={(e) => e.target === e.currentTarget && props.onCancel()}>
      <div ref={ref} class="lct-dialog" role="dialog" aria-modal="true" aria-label={props.title} aria-describedby={props.describedBy} onKeyDown={onKeyDown}>
        <h2 class="lct-dialog-title">{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}
