// A refused edit, told in the error region (ErrorRegion.tsx), with its
// dismiss button; loaded on use with its styles: no first paint shows one.
import { Icon } from './icons';
import { t } from './i18n';
import './part-styles';

export function ErrorNotice(props: { error: string; onDismiss: () => void }) {
  return (
    <div class="lct-notice lct-error">
      <p>{props.error}</p>
      <button type="button" class="lct-icon-btn" aria-label={t('dismiss')} onClick={props.onDismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}
