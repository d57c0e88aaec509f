// The toolbar popup: quick-add into the current tab's room (or the last room
// used), the last few tasks, the connection, enable/disable on this
// instance, and why no panel shows when there is none.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { roomKey, type RoomRef } from '../core/types';
import type { Settings, TabInfo } from '../messages';
import { send } from '../send';
import { t, uiDir, uiLang } from '../ui/i18n';
import { problemText } from '../ui/problemText';
import { QuickAdd } from '../ui/QuickAdd';
import { RecentTasks } from '../ui/RecentTasks';
import { ProblemBox } from '../ui/StateNotices';
import { useRoom } from '../ui/useRoom';
import { activeTab, type ActiveTab } from '../ui/active-tab';
import { InstanceToggle } from './InstanceToggle';
import { openSidePanel } from './open-side-panel';
import { reasonKey } from '../ui/reason';

export const RECENT_TASKS_SHOWN = 5;

export function Popup() {
  const [tab, setTab] = useState<ActiveTab>();
  const [info, setInfo] = useState<TabInfo>();
  const [settings, setSettings] = useState<Settings>();
  const [failure, setFailure] = useState('');

  const refresh = useCallback(async () => {
    const current = await activeTab();
    setTab(current);
    const [tabReply, settingsReply] = await Promise.all([
      current ? send({ type: 'view/tab-info', tabId: current.id }) : undefined,
      send({ type: 'view/settings-get' }),
    ]);
    if (tabReply?.ok) setInfo(tabReply.value);
    if (settingsReply.ok) setSettings(settingsReply.value);
    const problem = (tabReply && !tabReply.ok && tabReply.error) || (!settingsReply.ok && settingsReply.error);
    setFailure(problem ? t('actionFailed', problemText(problem)) : '');
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const room: RoomRef | undefined = info?.room ?? settings?.lastRoom;
  const { view, edit } = useRoom(room);

  const rememberList = (listId: string) => {
    if (!room) return;
    const lastList = { [roomKey(room)]: listId };
    setSettings((s) => s && { ...s, lastList: { ...s.lastList, ...lastList } });
    void send({ type: 'view/settings-set', settings: { lastList } });
  };

  return (
    <main class="lct-root lct-popup" lang={uiLang()} dir={uiDir()}>
      <header class="lct-header">
        <h1 class="lct-title">{view ? t('popupRoom', view.title) : t('extName')}</h1>
        {view && (
          <span class={`lct-status lct-status-${view.status}`} title={t(`status_${view.status}`)}>
            <span class="lct-sr" data-testid="popup-connection">
              {t('popupConnection', t(`status_${view.status}`))}
            </span>
          </span>
        )}
      </header>
      <div class="lct-popup-body">
        {failure && (
          <p class="lct-notice lct-error" role="alert">
            {failure}
          </p>
        )}
        {info && !info.room && info.reason && (
          <p class="lct-notice" role="status" data-testid="popup-reason">
            {t(reasonKey(info.reason))}
          </p>
        )}
        {info && !info.room && info.problem && <ProblemBox problem={info.problem} />}
        {info && !info.room && settings?.lastRoom && <p class="lct-hint">{t('popupLastRoom')}</p>}
        {info && settings && !room && <p class="lct-hint">{t('popupNoRoom')}</p>}
        {room && !view && (
          <p class="lct-hint" role="status">
            {t('loading')}
          </p>
        )}
        {view && room && (
          <>
            <QuickAdd
              view={view}
              onEdit={edit}
              listId={settings?.lastList[roomKey(room)]}
              onListPicked={rememberList}
              defaultListName={settings?.defaultListName}
              autoFocus
            />
            <RecentTasks view={view} onEdit={edit} limit={RECENT_TASKS_SHOWN} />
          </>
        )}
        <div class="lct-toolbar">
          {info?.origin && <InstanceToggle origin={info.origin} enabled={info.enabled} onChanged={() => void refresh()} />}
          <button
            type="button"
            class="lct-btn"
            data-testid="open-side-panel"
            onClick={() => {
              void openSidePanel(tab?.id)?.then(() => window.close(), (err: unknown) => setFailure(t('actionFailed', String(err))));
            }}
          >
            {t('openSidePanel')}
          </button>
        </div>
      </div>
    </main>
  );
}
