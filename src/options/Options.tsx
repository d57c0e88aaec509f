// The options page: enabled instances, manual XMPP accounts, quick-add's
// default list and notifications. Everything is stored by the background;
// this page shows its answers.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { HelpLink } from '../help/HelpLink';
import type { AccountSummary, ManualAccount, Settings } from '../messages';
import { activeTab } from '../ui/active-tab';
import { send } from '../send';
import { ext } from '../ext';
import { t, uiDir, uiLang } from '../ui/i18n';
import { problemText } from '../ui/problemText';
import { AccountsSection } from './AccountsSection';
import { InstancesSection } from './InstancesSection';
import { PreferencesSection } from './PreferencesSection';

/** tab-info carries the accounts; this page's own tab is as good a tab as any to ask about. */
async function ownTabId(): Promise<number> {
  const own = await ext()?.tabs.getCurrent();
  return own?.id ?? (await activeTab())?.id ?? 0;
}

export function Options() {
  const [settings, setSettings] = useState<Settings>();
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [failure, setFailure] = useState('');

  const load = useCallback(async () => {
    const [s, info] = await Promise.all([send({ type: 'view/settings-get' }), send({ type: 'view/tab-info', tabId: await ownTabId() })]);
    if (s.ok) setSettings(s.value);
    if (info.ok) setAccounts(info.value.accounts);
    const problem = (!s.ok && s.error) || (!info.ok && info.error);
    setFailure(problem ? t('actionFailed', problemText(problem)) : '');
  }, []);
  useEffect(() => void load(), [load]);

  const change = async (settingsChange: Partial<Settings>) => {
    const reply = await send({ type: 'view/settings-set', settings: settingsChange });
    if (reply.ok) setSettings(reply.value);
    setFailure(reply.ok ? '' : t('actionFailed', problemText(reply.error)));
    return reply.ok;
  };

  const removeInstance = async (origin: string) => {
    const reply = await send({ type: 'view/instance-disable', origin });
    setFailure(reply.ok ? '' : t('actionFailed', problemText(reply.error)));
    await load();
  };

  const addAccount = async (account: ManualAccount) => {
    const reply = await send({ type: 'view/account-add', account });
    if (reply.ok) await load();
    return reply;
  };

  const removeAccount = async (id: string) => {
    const reply = await send({ type: 'view/account-remove', id });
    setFailure(reply.ok ? '' : t('actionFailed', problemText(reply.error)));
    await load();
    return reply;
  };

  return (
    <main class="lct-root lct-options" lang={uiLang()} dir={uiDir()}>
      <h1>{t('optionsTitle')}</h1>
      <p>
        <HelpLink />
      </p>
      {failure && (
        <p class="lct-notice lct-error" role="alert">
          {failure}
        </p>
      )}
      {settings ? (
        <>
          <InstancesSection instances={settings.instances} onRemove={(o) => void removeInstance(o)} />
          <AccountsSection accounts={accounts} onAdd={addAccount} onRemove={removeAccount} />
          <PreferencesSection settings={settings} onChange={change} />
        </>
      ) : (
        !failure && <p class="lct-hint">{t('loading')}</p>
      )}
    </main>
  );
}
