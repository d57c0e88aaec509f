// The one form for naming things: a list (name only) or a task (name and
// optional description), for creating as for editing. Enter in the name
// (or Ctrl+Enter anywhere) saves, Escape cancels, an empty name is refused
// with a message.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n';

export interface ItemFormValue {
  name: string;
  description?: string;
}

export function ItemForm(props: {
  /** accessible name of the form, e.g. "New task in Stream prep" */
  label: string;
  initial?: ItemFormValue;
  withDescription?: boolean;
  submitLabel: string;
  onSubmit: (value: ItemFormValue) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(props.initial?.name ?? '');
  const [description, setDescription] = useState(props.initial?.description ?? '');
  const [error, setError] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);

  const submit = (e: Event) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('nameRequired'));
      nameRef.current?.focus();
      return;
    }
    const desc = description.trim();
    props.onSubmit(props.withDescription && desc ? { name: trimmed, description: desc } : { name: trimmed });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      // Enter makes new lines in the description; Ctrl+Enter saves from there too
      submit(e);
    }
  };

  return (
    <form class="lct-form" aria-label={props.label} onSubmit={submit} onKeyDown={onKeyDown}>
      <input
        ref={nameRef}
        class="lct-input"
        dir="auto"
        value={name}
        aria-label={t('nameLabel')}
        placeholder={t('nameLabel')}
        aria-invalid={error ? true : undefined}
        onInput={(e) => {
          setName(e.currentTarget.value);
          setError('');
        }}
      />
      {props.withDescription && (
        <textarea
          class="lct-input lct-textarea"
          dir="auto"
          rows={2}
          value={description}
          aria-label={t('descriptionLabel')}
          placeholder={t('descriptionLabel')}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      )}
      {error && (
        <p class="lct-field-error" role="alert">
          {error}
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
    </form>
  );
}
