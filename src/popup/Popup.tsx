// The toolbar popup: quick-add into the current tab's room (or the last room
// used), the last few tasks, the connection, enable/disable on this
// instance, and why no panel shows when there is none: one status line for
// each state (status.ts).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { roomKey, type RoomRef } from '../core/types';
import { HelpLink } from '../help/HelpLink';
import type { RecentRoom, Settings, TabInfo } from '../messages';
import { send } from '../send';
import { t, uiDir, uiLang } from '../ui/i18n';
import { problemText } from '../ui/problemText';
import { QuickAdd } from '../ui/QuickAdd';
import { RecentTasks } from '../ui/RecentTasks';
import { useRoom } from '../ui/useRoom';
import { activeTab, type ActiveTab } from '../ui/active-tab';
import { InstanceToggle, type ToggleOutcome } from './InstanceToggle';
import { openSidePanel } from './open-side-panel';
import { RoomTarget } from './RoomTarget';
import { popupStatus } from './status';

const RECENT_TASKS_SHOWN = 5;
/** After Enable, the page's content script is injected and reports its room: ask again this often, this many times. */
const ENABLE_POLL_MS = 400;
const ENABLE_POLLS = 10;

export function Popup() {
  const [tab, setTab] = useState<ActiveTab>();
  const [info, setInfo] = useState<TabInfo>();
  const [settings, setSettings] = useState<Settings>();
  const [failure, setFailure] = useState('');
  const [action, setAction] = useState<ToggleOutcome>();
  /** the room picked for quick-add, over the tab's and the last used */
  const [target, setTarget] = useState<RoomRef>();

  const refresh = useCallback(async (): Promise<TabInfo | undefined> => {
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
    return tabReply?.ok ? tabReply.value : undefined;
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const onToggle = async (outcome: ToggleOutcome) => {
    setAction(outcome);
    let next = await refresh();
    // Enabled: the panel may appear on the page a moment later; wait for it a little, so the popup can say so.
    for (let i = 0; outcome === 'enabled' && next && !next.room && next.reason === 'not-peertube' && i < ENABLE_POLLS; i++) {
      await new Promise((r) => setTimeout(r, ENABLE_POLL_MS));
      next = await refresh();
    }
  };

  const room: RoomRef | undefined = target ?? info?.room ?? settings?.lastRoom;

  // A room picked that is not joined yet is opened first (its view comes once it is).
  const pickRoom = async (picked: RecentRoom) => {
    setTarget(picked.ref);
    const reply = await send({ type: 'view/room-open', room: picked.ref, title: picked.title });
    setFailure(reply.ok ? '' : t('actionFailed', problemText(reply.error)));
  };
  const { view, edit } = useRoom(room);
  const usable = view && view.rights !== 'none';
  const status = popupStatus({ info, view, action, failure });

  const rememberList = (listId: string) => {
    if (!room) return;
    const lastList = { [roomKey(room)]: listId };
    setSettings((s) => s && { ...s, lastList: { ...s.lastList, ...lastList } });
    void send({ type: 'view/settings-set', settings: { lastList } });
  };

  return (
    <main class="lct-root lct-popup" lang={uiLang()} dir={uiDir()}>
      <header class="lct-header">
        <h1 class="lct-title" dir="auto" title={usable ? view.title.slice(0, 500) : undefined}>
          {usable ? t('popupRoom', view.title) : t('extName')}
        </h1>
        {usable && (
          <span class={`lct-status lct-status-${view.status}`} title={t(`status_${view.status}`)}>
            <span class="lct-sr" data-testid="popup-connection">
              {t('popupConnection', t(`status_${view.status}`))}
            </span>
          </span>
        )}
      </header>
      <div class="lct-popup-body">
        <div class={`lct-notice lct-popup-status${status?.alert ? ' lct-error' : ''}`} hidden={!status}>
          <p role={status?.alert ? 'alert' : 'status'} data-testid="popup-status">
            {status && <span data-testid={status.reason ? 'popup-reason' : undefined}>{status.text}</span>}
            {status?.next && (
              <>
                {' '}
                <span>{status.next}</span>
              </>
            )}
          </p>
          {status?.detail && (
            <details class="lct-details">
              <summary>{t('details')}</summary>
              <p class="lct-detail" dir="auto">
                {status.detail}
              </p>
            </details>
          )}
        </div>
        {room && info && <RoomTarget rooms={info.recent} room={room} onPick={(r) => void pickRoom(r)} />}
        {usable && room && (
          <>
            <QuickAdd
              key={roomKey(room)}
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
          {info?.origin && <InstanceToggle origin={info.origin} enabled={info.enabled} onOutcome={(o) => void onToggle(o)} />}
          <button
            type="button"
            class="lct-btn"
            data-testid="open-side-panel"
            onClick={() => {
              void openSidePanel(tab?.id)?.then(
                () => window.close(),
                (err: unknown) => setFailure(t('actionFailed', String(err))),
              );
            }}
          >
            {t('openSidePanel')}
          </button>
          <HelpLink class="lct-btn" />
        </div>
      </div>
    </main>
  );
}
