// The end of every form: what is wrong with it (read out at once), then its
// submit button and Cancel.
import { t } from './i18n';

export function FormFoot(props: { error: string | undefined; submitLabel: string; onCancel: () => void }) {
  return (
    <>
      {props.error && (
        <p class="lct-field-error" role="alert">
          {props.error}
        </p>
      )}
      <div class="lct-form-actions">
        <button type="submit" class="lct-btn lct-btn-primary">
          {props.submitLabel}
        </button>
        <button type="button" class="lct-btn" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </>
  );
}
