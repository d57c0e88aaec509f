// The quick-add line as an accessible combobox (ARIA 1.2, list autocomplete):
// typing "#" and a list name offers the room's lists that match, and
// "Create list “X”" when none is named so. ↑/↓ move through the options,
// Enter or Tab takes the active one (Tab the first when none is active),
// Escape closes the list, a click takes an option. Taking a list writes
// "#Name " before the task's name; taking "Create list" also remembers the
// name as a list to create, the only way "#word" creates a list (a task
// may well start with a hashtag).
import { useId, useState } from 'preact/hooks';
import { completeListName, listNameTyped, withListName } from '../core/quick-add';
import { foldText } from '../core/text-match';
import { t } from './i18n';
import { shortName } from './shortName';

const MAX_OPTIONS = 8;

type Option = { name: string; create: boolean };

/** The options for the text typed: matching lists, then "Create list" when no list has that name. */
function optionsFor(text: string, names: readonly string[], toCreate: readonly string[]): Option[] {
  const known = [...names, ...toCreate];
  const typed = listNameTyped(text, known);
  if (typed === undefined) return [];
  const options = completeListName(typed, known)
    .slice(0, MAX_OPTIONS)
    .map((name) => ({ name, create: toCreate.includes(name) }));
  const wanted = typed.trim();
  if (wanted && !known.some((n) => foldText(n) === foldText(wanted))) options.push({ name: wanted, create: true });
  return options;
}

export function ListNameCombobox(props: {
  value: string;
  onInput: (value: string) => void;
  /** the room's list names */
  names: readonly string[];
  /** names taken with "Create list", to create on submit */
  toCreate: readonly string[];
  onCreate: (name: string) => void;
  label: string;
  disabled?: boolean;
  invalid?: boolean;
  /** id of the text that explains the syntax */
  describedBy?: string;
  inputRef: { current: HTMLInputElement | null };
}) {
  // several lines may be open at once (one add form per list)
  const listboxId = `lct-lists-${useId()}`;
  const [active, setActive] = useState(-1);
  const [dismissed, setDismissed] = useState(false);
  const options = props.disabled || dismissed ? [] : optionsFor(props.value, props.names, props.toCreate);
  const open = options.length > 0;
  const current = open && active >= 0 && active < options.length ? active : -1;

  const take = (option: Option) => {
    if (option.create && !props.toCreate.includes(option.name)) props.onCreate(option.name);
    props.onInput(withListName(props.value, option.name));
    setActive(-1);
    props.inputRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!open) {
        setDismissed(false);
        return;
      }
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + options.length + (current < 0 && step < 0 ? 1 : 0)) % options.length);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation(); // closes the list, not the popup
      setDismissed(true);
    } else if (e.key === 'Enter' && current >= 0) {
      e.preventDefault();
      take(options[current]!);
    } else if (e.key === 'Tab' && !e.shiftKey && open) {
      e.preventDefault();
      take(options[Math.max(current, 0)]!);
    }
  };

  return (
    <div class="lct-combo">
      <input
        ref={props.inputRef}
        class="lct-input"
        dir="auto"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listboxId}
        aria-activedescendant={current >= 0 ? `${listboxId}-${current}` : undefined}
        autocomplete="off"
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        aria-label={props.label}
        placeholder={props.label}
        onInput={(e) => {
          setDismissed(false);
          setActive(-1);
          props.onInput(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setActive(-1)}
      />
      <div id={listboxId} class="lct-combo-list" role="listbox" aria-label={t('quickAddListNames')} hidden={!open}>
        {options.map((option, i) => (
          // biome-ignore lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: the combobox pattern: focus stays in the line, which moves through the options (aria-activedescendant) and takes one with Enter or Tab
          <div
            key={`${option.create}:${option.name}`}
            id={`${listboxId}-${i}`}
            role="option"
            class="lct-combo-option"
            aria-selected={i === current}
            dir="auto"
            // a click must not take the focus from the line
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => take(option)}
          >
            {option.create ? t('quickAddCreateList', shortName(option.name, 60)) : shortName(option.name, 60)}
          </div>
        ))}
      </div>
    </div>
  );
}
