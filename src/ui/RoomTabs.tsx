// Tasks and Notes of one room as two tabs (WAI-ARIA tabs pattern: a tablist
// whose tabs are reached with the arrow keys, Home and End, one tab stop).
// RoomApp shows them only when the room offers notes to this user. Both
// panels stay mounted: a form being typed in one survives a look at the other.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { t } from './i18n';

export type RoomTab = 'tasks' | 'notes';
const TABS: RoomTab[] = ['tasks', 'notes'];

export function RoomTabs(props: {
  selected: RoomTab;
  onSelect: (tab: RoomTab) => void;
  /** ids of this instance's elements (a page may show more than one room) */
  idPrefix: string;
  tasksPanel: ComponentChildren;
  notesPanel: ComponentChildren;
}) {
  const list = useRef<HTMLDivElement>(null);
  const selected = props.selected;
  const id = (kind: 'tab' | 'panel', tab: RoomTab) => `${props.idPrefix}-${kind}-${tab}`;

  const onKeyDown = (e: KeyboardEvent) => {
    const at = TABS.indexOf(selected);
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowLeft'
        ? TABS[(at + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]
        : e.key === 'Home'
          ? TABS[0]
          : e.key === 'End'
            ? TABS[TABS.length - 1]
            : undefined;
    if (!next) return;
    e.preventDefault();
    props.onSelect(next);
    list.current?.querySelector<HTMLElement>(`#${id('tab', next)}`)?.focus();
  };

  return (
    <div class="lct-room-tabs">
      <div ref={list} class="lct-tablist" role="tablist" aria-label={t('roomSections')} onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={id('tab', tab)}
            class="lct-tab"
            aria-selected={tab === selected}
            aria-controls={id('panel', tab)}
            tabIndex={tab === selected ? 0 : -1}
            onClick={() => props.onSelect(tab)}
          >
            {t(tab)}
          </button>
        ))}
      </div>
      {TABS.map((tab) => (
        <div
          key={tab}
          role="tabpanel"
          id={id('panel', tab)}
          class="lct-tabpanel"
          aria-labelledby={id('tab', tab)}
          hidden={tab !== selected}
        >
          {tab === 'tasks' ? props.tasksPanel : props.notesPanel}
        </div>
      ))}
    </div>
  );
}
