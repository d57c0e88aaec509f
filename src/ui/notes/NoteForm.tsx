// The form of a note's text, for creating and editing: a text area where
// Enter makes new lines and Ctrl+Enter saves, Escape cancels, and an empty
// note is refused with a message (the official client refuses it too).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { FormFoot } from '../FormFoot';

export function NoteForm(props: {
  /** accessible name of the form, e.g. "New note about Carol" */
  label: string;
  initial?: string;
  submitLabel: string;
  onSubmit: (description: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(props.initial ?? '');
  const [error, setError] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = area.current!;
    el.focus();
    el.selectionStart = el.selectionEnd = el.value.length;
  }, []);

  const submit = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('noteRequired'));
      area.current?.focus();
      return;
    }
    props.onSubmit(text);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      submit(e);
    }
  };

  return (
    <form class="lct-form" aria-label={props.label} onSubmit={submit} onKeyDown={onKeyDown}>
      <textarea
        ref={area}
        class="lct-input lct-textarea"
        rows={3}
        dir="auto"
        aria-label={t('noteText')}
        aria-invalid={error ? 'true' : undefined}
        value={text}
        onInput={(e) => {
          setText((e.currentTarget as HTMLTextAreaElement).value);
          setError('');
        }}
      />
      <FormFoot error={error} submitLabel={props.submitLabel} onCancel={props.onCancel} />
    </form>
  );
}
