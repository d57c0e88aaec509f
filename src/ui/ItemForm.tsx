// The one form for naming things: a list (name only) or a task (name and
// optional description), for creating as for editing. Enter in the name
// (or Ctrl+Enter anywhere) saves, Escape cancels, an empty name is refused
// with a message. A form adding tasks may also read the quick-add syntax
// ("#List name task", completed as one types) to put the task elsewhere.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { parseQuickAdd } from '../core/quick-add';
import { t } from './i18n';
import { ListNameCombobox } from './ListNameCombobox';
import { FormFoot } from './FormFoot';
import './part-styles';

export interface ItemFormValue {
  name: string;
  description?: string;
}

/** A new task, and the list its name asked for with "#List" (as spelled in the room, or a list to create). */
export interface TaskFormValue extends ItemFormValue {
  listName?: string;
}

export function ItemForm(props: {
  /** accessible name of the form, e.g. "New task in Stream prep" */
  label: string;
  initial?: ItemFormValue;
  withDescription?: boolean;
  /** the room's list names, as now (read on each keystroke): the name may start with "#List" */
  listNames?: () => readonly string[];
  submitLabel: string;
  onSubmit: (value: TaskFormValue) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(props.initial?.name ?? '');
  const [description, setDescription] = useState(props.initial?.description ?? '');
  const [error, setError] = useState('');
  /** names taken with "Create list" in the completion */
  const [toCreate, setToCreate] = useState<string[]>([]);
  const hintId = `lct-hint-${useId()}`;
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);

  const submit = (e: Event) => {
    e.preventDefault();
    const parsed = props.listNames ? parseQuickAdd(name, [...props.listNames(), ...toCreate]) : undefined;
    const listName = parsed?.kind === 'known' ? parsed.listName : undefined;
    const trimmed = listName !== undefined ? parsed!.name : name.trim();
    if (!trimmed) {
      setError(t('nameRequired'));
      nameRef.current?.focus();
      return;
    }
    const desc = description.trim();
    props.onSubmit({
      name: trimmed,
      ...(props.withDescription && desc ? { description: desc } : {}),
      ...(listName !== undefined ? { listName } : {}),
    });
  };
  const onNameInput = (value: string) => {
    setName(value);
    setError('');
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
      {props.listNames ? (
        <>
          <ListNameCombobox
            inputRef={nameRef}
            value={name}
            names={props.listNames()}
            toCreate={toCreate}
            onCreate={(n) => setToCreate([...toCreate, n])}
            label={t('nameLabel')}
            invalid={!!error}
            onInput={onNameInput}
            describedBy={hintId}
          />
          <p id={hintId} class="lct-hint">
            {t('quickAddSyntax')}
          </p>
        </>
      ) : (
        <input
          ref={nameRef}
          class="lct-input"
          dir="auto"
          value={name}
          aria-label={t('nameLabel')}
          placeholder={t('nameLabel')}
          aria-invalid={error ? true : undefined}
          onInput={(e) => onNameInput(e.currentTarget.value)}
        />
      )}
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
      <FormFoot error={error} submitLabel={props.submitLabel} onCancel={props.onCancel} />
    </form>
  );
}
