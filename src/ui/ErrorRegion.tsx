// The assertive live region where refused edits are told; always in the
// DOM so screen readers notice when a message appears in it.
import { Icon } from './icons';
import { t } from './i18n';

export function ErrorRegion(props: { error: string; onDismiss: () => void }) {
  return (
    <div class="lct-live" role="alert">
      {props.error && (
        <div class="lct-notice lct-error">
          <p>{props.error}</p>
          <button type="button" class="lct-icon-btn" aria-label={t('dismiss')} onClick={props.onDismiss}>
            <Icon name="close" />
          </button>
        </div>
      )}
    </div>
  );
}
