// "Enable on <instance>" / "Disable on <instance>". Enabling first asks the
// browser for access to that origin only (least privilege); the request
// must come straight from the click, so nothing is awaited before it. The
// worker hears of the click first: Firefox may close the popup for its
// prompt, and the worker then enables the instance when the grant arrives.
// What came of the click is the popup's one status line (status.ts), not a
// line of its own here.
import { useState } from 'preact/hooks';
import { send } from '../send';
import { ext } from '../ext';
import { t } from '../ui/i18n';
import { problemText } from '../ui/problemText';

/** 'enabled', or the sentence the click ended with */
export type ToggleOutcome = 'enabled' | { message: string; alert?: boolean };

export function InstanceToggle(props: { origin: string; enabled: boolean; onOutcome: (outcome: ToggleOutcome) => void }) {
  const { origin, enabled } = props;
  const [busy, setBusy] = useState(false);
  const host = new URL(origin).host;

  const enable = async () => {
    let granted = false;
    void send({ type: 'view/instance-request', origin });
    try {
      granted = (await ext()?.permissions.request({ origins: [`${origin}/*`] })) ?? false;
    } catch (err) {
      props.onOutcome({ message: t('actionFailed', String(err)), alert: true });
      return;
    }
    if (!granted) {
      props.onOutcome({ message: t('enableDenied') });
      return;
    }
    setBusy(true);
    const reply = await send({ type: 'view/instance-enable', origin });
    setBusy(false);
    props.onOutcome(reply.ok ? 'enabled' : { message: t('actionFailed', problemText(reply.error)), alert: true });
  };

  const disable = async () => {
    setBusy(true);
    const reply = await send({ type: 'view/instance-disable', origin });
    setBusy(false);
    props.onOutcome(reply.ok ? { message: t('disabledOn', host) } : { message: t('actionFailed', problemText(reply.error)), alert: true });
  };

  return enabled ? (
    <button type="button" class="lct-btn" disabled={busy} onClick={() => void disable()} data-testid="instance-disable">
      {t('disableOn', host)}
    </button>
  ) : (
    <button type="button" class="lct-btn lct-btn-primary" disabled={busy} onClick={() => void enable()} data-testid="instance-enable">
      {t('enableOn', host)}
    </button>
  );
}
