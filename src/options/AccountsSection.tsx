// Manual XMPP accounts: the list (each removable) and a form to add one.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { AccountSummary, ManualAccount, Reply } from '../messages';
import { t } from '../ui/i18n';
import { problemText } from '../ui/problemText';
import { checkAccount, type AccountErrors, type AccountField } from './account-form';

const EMPTY = { jid: '', password: '', service: '' };

export function AccountsSection(props: {
  accounts: AccountSummary[];
  onAdd: (account: ManualAccount) => Promise<Reply<{ id: string }>>;
  onRemove: (id: string) => Promise<Reply>;
}) {
  const [fields, setFields] = useState<Record<AccountField, string>>(EMPTY);
  const [errors, setErrors] = useState<AccountErrors>({});
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const xmpp = props.accounts.filter((a) => a.kind === 'xmpp');

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = checkAccount(fields);
    if ('errors' in checked) {
      setErrors(checked.errors);
      setStatus('');
      return;
    }
    setErrors({});
    setBusy(true);
    const reply = await props.onAdd(checked.account);
    setBusy(false);
    if (reply.ok) {
      setFields(EMPTY);
      setStatus(t('accountAdded', checked.account.jid));
    } else {
      // The form keeps what was typed: nothing is lost on a refusal.
      setStatus(t('actionFailed', reply.error.detail ? `${problemText(reply.error)} ${reply.error.detail}` : problemText(reply.error)));
    }
  };

  const inputProps = (name: AccountField) => ({
    id: `acc-${name}`,
    class: 'lct-input',
    value: fields[name],
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': errors[name] ? `acc-${name}-error` : undefined,
    onInput: (e: Event) => setFields({ ...fields, [name]: (e.currentTarget as HTMLInputElement).value }),
  });
  const field = (name: AccountField, label: string, input: JSX.Element) => (
    <div class="lct-field">
      <label for={`acc-${name}`}>{label}</label>
      {input}
      {errors[name] && (
        <p id={`acc-${name}-error`} class="lct-field-error">
          {t(errors[name]!)}
        </p>
      )}
    </div>
  );

  return (
    <section aria-labelledby="opt-accounts">
      <h2 id="opt-accounts">{t('optionsAccounts')}</h2>
      <p class="lct-hint">{t('optionsAccountsHint')}</p>
      {xmpp.length === 0 ? (
        <p>{t('optionsNoAccounts')}</p>
      ) : (
        <ul class="lct-opt-list">
          {xmpp.map((a) => (
            <li key={a.id}>
              <span dir="auto">{a.label}</span> <span class="lct-hint">{t(`status_${a.status}`)}</span>
              <button type="button" class="lct-btn" aria-label={t('removeAccount', a.label)} onClick={() => void props.onRemove(a.id)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="lct-form" onSubmit={submit} noValidate data-testid="account-form">
        {field('jid', t('accountJid'), <input type="text" autoComplete="off" placeholder="name@example.org" {...inputProps('jid')} />)}
        {field('password', t('accountPassword'), <input type="password" autoComplete="current-password" {...inputProps('password')} />)}
        {field(
          'service',
          t('accountService'),
          <input type="url" autoComplete="off" placeholder="wss://example.org/xmpp-websocket" {...inputProps('service')} />,
        )}
        <div class="lct-form-actions">
          <button type="submit" class="lct-btn lct-btn-primary" disabled={busy}>
            {t('accountAdd')}
          </button>
        </div>
        <p class="lct-hint" role="status">
          {status}
        </p>
      </form>
    </section>
  );
}
