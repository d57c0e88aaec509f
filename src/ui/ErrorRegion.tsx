// The assertive live region where refused edits are told; always in the
// DOM so screen readers notice when a message appears in it. The message
// (ErrorNotice.tsx) is loaded on use, and shows once it came.
import { lazy } from './lazy';

const ErrorNotice = lazy(() => import('./ErrorNotice').then((m) => m.ErrorNotice));

export function ErrorRegion(props: { error: string; onDismiss: () => void }) {
  return (
    <div class="lct-live" role="alert">
      {props.error && <ErrorNotice error={props.error} onDismiss={props.onDismiss} />}
    </div>
  );
}
