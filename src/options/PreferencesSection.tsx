// Quick-add's default list, and desktop notifications (off by default; the
// optional `notifications` permission is asked only when turned on, from
// the click itself, and given back when turned off).
import { useState } from 'preact/hooks';
import type { Settings } from '../messages';
import { ext } from '../ext';
import { t } from '../ui/i18n';

export function PreferencesSection(props: { settings: Settings; onChange: (change: Partial<Settings>) => Promise<boolean> }) {
  const { settings } = props;
  const [listName, setListName] = useState(settings.defaultListName);
  const [listStatus, setListStatus] = useState('');
  const [notifyStatus, setNotifyStatus] = useState('');

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
              aria-describedby="opt-default-list-hint"
              onInput={(e) => setListName(e.currentTarget.value)}
            />
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
