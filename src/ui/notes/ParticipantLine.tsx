// Whom a note is about: the participant's current nickname (else JID), and
// in full mode (under a filter, while editing, in the create form) the
// nickname the note was written under when it changed, the JID and the
// occupant-id. All of it comes from other users: shown as text only.
import type { AboutDisplay } from '../../core/notes/about';
import { t } from '../i18n';

export function ParticipantLine(props: { who: AboutDisplay; full: boolean }) {
  const { who } = props;
  return (
    <div class="lct-note-about">
      <span class="lct-note-who" dir="auto">
        {who.name || t('unknownParticipant')}
      </span>
      {who.absent && <span class="lct-note-absent"> ({t('noteAbsent')})</span>}
      {props.full && (who.originalNick || who.jid || who.occupantId) && (
        <ul class="lct-note-ids">
          {who.originalNick && <li dir="auto">{t('noteOriginalNick', who.originalNick)}</li>}
          {who.jid && <li>{t('noteJid', who.jid)}</li>}
          {who.occupantId && <li>{t('noteOccupantId', who.occupantId)}</li>}
        </ul>
      )}
    </div>
  );
}
