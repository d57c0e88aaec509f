// The "Target list" field of every form that puts a task in a list: quick
// add, "Move to list…" and the task made from a chat message.
import type { ComponentChildren } from 'preact';
import type { TaskList } from '../core/types';
import { t } from './i18n';
import { shortName } from './shortName';

export function ListSelect(props: {
  lists: TaskList[];
  value: string;
  onChange: (listId: string) => void;
  disabled?: boolean;
  /** list names are cut to this many characters */
  nameChars?: number;
  /** options shown before the lists */
  children?: ComponentChildren;
}) {
  return (
    <label class="lct-field">
      <span>{t('targetList')}</span>
      <select class="lct-input" value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.children}
        {props.lists.map((l) => (
          <option key={l.id} value={l.id}>
            {shortName(l.name, props.nameChars)}
          </option>
        ))}
      </select>
    </label>
  );
}
