// Quick-add's default list, and desktop notifications (off by default; the
// optional `notifications` permission is asked only when turned on, from
// the click itself, and given back when turned off).
// The default list is a name, not one list: quick-add uses it in every room
// (and creates it where there is none). So it is a field with a picker of
// the lists of the last room used, rather than a choice among those alone.
import { useMemo, useState } from 'preact/hooks';
import { sortedLists } from '../core/room-query';
import type { Settings } from '../messages';
import { ext } from '../ext';
import { t } from '../ui/i18n';
import { useRoom } from '../ui/useRoom';

export function PreferencesSection(props: { settings: Settings; onChange: (change: Partial<Settings>) => Promise<boolean> }) {
  const { settings } = props;
  const [listName, setListName] = useState(settings.defaultListName);
  const [listStatus, setListStatus] = useState('');
  const [notifyStatus, setNotifyStatus] = useState('');
  const { view } = useRoom(settings.lastRoom);
  const names = useMemo(() => {
    const known = view && view.rights !== 'none' ? sortedLists(view.items).map((l) => l.name) : [];
    return [...new Set([...known, settings.defaultListName, t('defaultListName')])].filter(Boolean);
  }, [view, settings.defaultListName]);

  const saveListName = async (e: Event) => {
    e.preventDefault();
    const name = listName.trim();
    if (!name) {
      setListStatus(t('nameRequired'));
      return;
    }
    setListStatus((await props.onChange({ defaultListName: name })) ? t('saved') : '');
  };

  const setNotify = async (on: boolean) => {
    setNotifyStatus('');
    const permissions = ext()?.permissions;
    if (on) {
      const granted = (await permissions?.request({ permissions: ['notifications'] }).catch(() => false)) ?? false;
      if (!granted) {
        setNotifyStatus(t('notifyDenied'));
        return;
      }
    } else {
      await permissions?.remove({ permissions: ['notifications'] }).catch(() => false);
    }
    await props.onChange({ notifyNewTasks: on });
  };

  return (
    <>
      <section aria-labelledby="opt-quickadd">
        <h2 id="opt-quickadd">{t('optionsQuickAdd')}</h2>
        <form class="lct-form" onSubmit={saveListName}>
          <div class="lct-field">
            <label for="opt-default-list">{t('optionsDefaultList')}</label>
            <input
              id="opt-default-list"
              class="lct-input"
              dir="auto"
              value={listName}
              list="opt-default-list-names"
              placeholder={t('defaultListName')}
              autocomplete="off"
              aria-describedby="opt-default-list-hint"
              onInput={(e) => setListName(e.currentTarget.value)}
            />
            <datalist id="opt-default-list-names">
              {names.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <p id="opt-default-list-hint" class="lct-hint">
              {t('optionsDefaultListHint')}
            </p>
          </div>
          <div class="lct-form-actions">
            <button type="submit" class="lct-btn lct-btn-primary">
              {t('save')}
            </button>
          </div>
          <p class="lct-hint" role="status">
            {listStatus}
          </p>
        </form>
      </section>
      <section aria-labelledby="opt-notifications">
        <h2 id="opt-notifications">{t('optionsNotifications')}</h2>
        <label class="lct-check">
          <input type="checkbox" checked={settings.notifyNewTasks} onChange={(e) => void setNotify(e.currentTarget.checked)} />
          <span>{t('optionsNotify')}</span>
        </label>
        <p class="lct-hint" role="status">
          {notifyStatus}
        </p>
      </section>
    </>
  );
}
