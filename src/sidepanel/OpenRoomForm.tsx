// Opens a room by its JID on one of the manual XMPP accounts: the way to
// reach rooms that no PeerTube page leads to.
import { useState } from 'preact/hooks';
import type { RoomRef } from '../core/types';
import type { AccountSummary } from '../messages';
import { t } from '../ui/i18n';

const ROOM_JID = /^[^@\s/]+@[^@\s/]+$/;

export function OpenRoomForm(props: { accounts: AccountSummary[]; onOpen: (room: RoomRef) => void }) {
  const xmpp = props.accounts.filter((a) => a.kind === 'xmpp');
  const [account, setAccount] = useState(xmpp[0]?.id ?? '');
  const [jid, setJid] = useState('');
  const [error, setError] = useState('');
  if (xmpp.length === 0) return null;

  const submit = (e: Event) => {
    e.preventDefault();
    const room = jid.trim();
    if (!ROOM_JID.test(room)) {
      setError(t('errRoomJid'));
      return;
    }
    setError('');
    props.onOpen({ account: account || xmpp[0]!.id, jid: room });
  };

  return (
    <form class="lct-form lct-open-room" aria-labelledby="lct-open-room-title" onSubmit={submit} noValidate>
      <h2 id="lct-open-room-title" class="lct-recent-title">
        {t('openRoomTitle')}
      </h2>
      <label class="lct-field">
        <span>{t('openRoomAccount')}</span>
        <select class="lct-input" value={account} onChange={(e) => setAccount(e.currentTarget.value)}>
          {xmpp.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <label class="lct-field">
        <span>{t('openRoomJid')}</span>
        <input
          class="lct-input"
          value={jid}
          placeholder="room@conference.example.org"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'lct-open-room-error' : undefined}
          onInput={(e) => setJid(e.currentTarget.value)}
        />
      </label>
      {error && (
        <p id="lct-open-room-error" class="lct-field-error">
          {error}
        </p>
      )}
      <div class="lct-form-actions">
        <button type="submit" class="lct-btn lct-btn-primary">
          {t('openRoomSubmit')}
        </button>
      </div>
    </form>
  );
}
