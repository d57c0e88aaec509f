// "Are you sure?" before a deletion: the safe choice (Cancel) has focus, the
// message is read out with the dialog's title.
import { Dialog } from './Dialog';
import { t } from './i18n';

export function ConfirmDialog(props: { title: string; message: string; confirmLabel: string; onClose: (ok: boolean) => void }) {
  const { onClose } = props;
  return (
    <Dialog title={props.title} onCancel={() => onClose(false)} initialFocus=".lct-cancel" describedBy="lct-confirm-message">
      <p id="lct-confirm-message" class="lct-text" dir="auto">
        {props.message}
      </p>
      <div class="lct-form-actions">
        <button type="button" class="lct-btn lct-btn-danger" onClick={() => onClose(true)}>
          {props.confirmLabel}
        </button>
        <button type="button" class="lct-btn lct-cancel" onClick={() => onClose(false)}>
          {t('cancel')}
        </button>
      </div>
    </Dialog>
  );
}
