// The undo toast itself, in its live region (UndoToast.tsx); loaded on use
// (lazy.ts), as no first paint shows it. It never takes focus; its button
// is in the tab order while it shows, and it stays while the pointer is on
// it or focus is in it (the time to act is the user's, WCAG 2.2.1), then
// leaves after a few seconds. Ctrl+Z still undoes once it is gone.
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n';
import { Icon } from './icons';
import './part-styles';
import type { UndoEntry } from './undoStack';

/** How long the toast shows when left alone. */
const SHOWN_MS = 8_000;

export interface ToastProps {
  entry: UndoEntry;
  onUndo: (entry: UndoEntry) => void;
  onDismiss: () => void;
}

export function Toast({ entry, onUndo, onDismiss }: ToastProps) {
  const [held, setHeld] = useState({ pointer: false, focus: false });
  const holding = held.pointer || held.focus;

  useEffect(() => {
    if (holding) return;
    const timer = setTimeout(onDismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [holding, onDismiss]);

  return (
    <div
      class="lct-toast"
      onPointerEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
      onPointerLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
      onFocusIn={() => setHeld((h) => ({ ...h, focus: true }))}
      onFocusOut={(e) => {
        if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setHeld((h) => ({ ...h, focus: false }));
      }}
    >
      <p class="lct-toast-text" dir="auto">
        {entry.message}
      </p>
      <button type="button" class="lct-btn lct-toast-undo" aria-keyshortcuts="Control+Z" onClick={() => onUndo(entry)}>
        {t('undo')}
      </button>
      <button type="button" class="lct-icon-btn" aria-label={t('dismiss')} title={t('dismiss')} onClick={onDismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}
