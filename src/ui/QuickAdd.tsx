// One line to add a task: type, Enter, and it goes at the end of the picked
// list. Used by the popup (and anywhere a full task app is too much). When
// the room has no list yet, one is created with the default name first.
// "#List name task" puts the task in that list instead (core/quick-add.ts),
// completed as one types (ListNameCombobox); "#word" names a new list only
// once "Create list" was taken, otherwise it is part of the task's name.
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { quickAddTarget } from '../core/quick-add';
import { getList, sortedLists } from '../core/room-query';
import type { RoomView } from '../core/types';
import { ErrorRegion } from './ErrorRegion';
import { t, uiDir, uiLang } from './i18n';
import { ListNameCombobox } from './ListNameCombobox';
import { ListSelect } from './ListSelect';
import { shortName } from './shortName';
import { useEditRunner, type OnEdit } from './useEditRunner';

/** the popup is narrow */
const NAME_CHARS = 60;

export function QuickAdd(props: {
  view: RoomView;
  onEdit: OnEdit;
  /** list to preselect, e.g. the one picked last time */
  listId?: string;
  /** called when the user picks a list, to remember it */
  onListPicked?: (listId: string) => void;
  /** name of the list created when the room has none (and preferred when no list is preselected) */
  defaultListName?: string;
  autoFocus?: boolean;
}) {
  const { view } = props;
  const { run, error, clearError } = useEditRunner(props.onEdit);
  const lists = useMemo(() => sortedLists(view.items), [view.items]);
  const [picked, setPicked] = useState<string | undefined>(props.listId);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  /** names taken with "Create list" in the completion */
  const [toCreate, setToCreate] = useState<string[]>([]);
  const names = useMemo(() => lists.map((l) => l.name), [lists]);
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = `lct-hint-${useId()}`;

  const fallbackName = props.defaultListName || t('defaultListName');
  const listId =
    (picked && getList(view.items, picked) ? picked : undefined) ?? lists.find((l) => l.name === fallbackName)?.id ?? lists[0]?.id;
  const ready = view.loaded && view.rights !== 'none';
  // the popup opens to type at once (autofocus attributes only work at page load)
  useEffect(() => {
    if (props.autoFocus && ready) inputRef.current?.focus();
  }, [ready]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const fallback = { id: listId, name: listId ? (getList(view.items, listId)?.name ?? fallbackName) : fallbackName };
    const { listId: targetId, listName, taskName } = quickAddTarget(name, lists, toCreate, fallback);
    if (!taskName) {
      setStatus(t('nameRequired'));
      return;
    }
    setBusy(true);
    clearError();
    const list = targetId ?? (await run({ op: 'createList', name: listName }));
    const created = list && (await run({ op: 'createTask', list, name: taskName }));
    setBusy(false);
    if (created) {
      setName('');
      setToCreate([]);
      setStatus(t('taskAdded', [shortName(taskName, NAME_CHARS), shortName(listName, NAME_CHARS)]));
    }
    inputRef.current?.focus();
  };

  return (
    <form class="lct-root lct-quickadd" lang={uiLang()} dir={uiDir()} aria-label={t('quickAdd')} onSubmit={submit}>
      <div class="lct-quickadd-row">
        <ListNameCombobox
          inputRef={inputRef}
          value={name}
          names={names}
          toCreate={toCreate}
          onCreate={(n) => setToCreate([...toCreate, n])}
          label={t('quickAddName')}
          describedBy={ready ? hintId : undefined}
          disabled={!ready}
          onInput={(value) => {
            setName(value);
            setStatus('');
          }}
        />
        <button type="submit" class="lct-btn lct-btn-primary" disabled={!ready || busy}>
          {t('add')}
        </button>
      </div>
      <ListSelect
        lists={lists}
        value={listId ?? ''}
        nameChars={NAME_CHARS}
        disabled={!ready || lists.length === 0}
        onChange={(id) => {
          setPicked(id);
          props.onListPicked?.(id);
        }}
      >
        {lists.length === 0 && <option value="">{t('newListNamed', shortName(fallbackName, NAME_CHARS))}</option>}
      </ListSelect>
      {ready && (
        <p id={hintId} class="lct-hint">
          {t('quickAddSyntax')}
        </p>
      )}
      {!ready && <p class="lct-hint">{view.rights === 'none' ? t('noRights') : t('loading')}</p>}
      <p class="lct-hint" role="status">
        {status}
      </p>
      <ErrorRegion error={error} onDismiss={clearError} />
    </form>
  );
}
