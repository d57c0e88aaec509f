// "Enable on <instance>" / "Disable on <instance>". Enabling first asks the
// browser for access to that origin only (least privilege); the request
// must come straight from the click, so nothing is awaited before it. The
// worker hears of the click first: Firefox may close the popup for its
// prompt, and the worker then enables the instance when the grant arrives.
import { useState } from 'preact/hooks';
import { send } from '../send';
import { ext } from '../ext';
import { t } from '../ui/i18n';
import { problemText } from '../ui/problemText';

export function InstanceToggle(props: { origin: string; enabled: boolean; onChanged: () => void }) {
  const { origin, enabled } = props;
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const host = new URL(origin).host;

  const enable = async () => {
    let granted = false;
    void send({ type: 'view/instance-request', origin });
    try {
      granted = (await ext()?.permissions.request({ origins: [`${origin}/*`] })) ?? false;
    } catch (err) {
      setMessage(t('actionFailed', String(err)));
      return;
    }
    if (!granted) {
      setMessage(t('enableDenied'));
      return;
    }
    setBusy(true);
    const reply = await send({ type: 'view/instance-enable', origin });
    setBusy(false);
    setMessage(reply.ok ? t('enabledReload') : t('actionFailed', problemText(reply.error)));
    props.onChanged();
  };

  const disable = async () => {
    setBusy(true);
    const reply = await send({ type: 'view/instance-disable', origin });
    setBusy(false);
    setMessage(reply.ok ? t('disabledOn', host) : t('actionFailed', problemText(reply.error)));
    props.onChanged();
  };

  return (
    <div class="lct-instance">
      {enabled ? (
        <button type="button" class="lct-btn" disabled={busy} onClick={() => void disable()} data-testid="instance-disable">
          {t('disableOn', host)}
        </button>
      ) : (
        <button type="button" class="lct-btn lct-btn-primary" disabled={busy} onClick={() => void enable()} data-testid="instance-enable">
          {t('enableOn', host)}
        </button>
      )}
      <p class="lct-hint" role="status">
        {message}
      </p>
    </div>
  );
}
