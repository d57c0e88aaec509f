// The toast that offers to undo the user's last change: a polite live region
// (always in the DOM, so screen readers notice what appears in it) at the
// foot of the app, with the toast (Toast.tsx, loaded on use) in it.
import { Toast } from './onUse';
import type { ToastProps } from './Toast';

export function UndoToast(props: Omit<ToastProps, 'entry'> & { entry: ToastProps['entry'] | null }) {
  const { entry } = props;
  return (
    <div class="lct-toast-region" aria-live="polite">
      {/* one toast per undo: a new one starts its own time, not held by the last one's focus */}
      {entry && <Toast key={entry.key} {...props} entry={entry} />}
    </div>
  );
}
