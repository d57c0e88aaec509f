// Asks which list gets the task made from a chat message (the sender's
// nickname as its name, the message as its description, ending in a line
// that refers to the message: core/message-ref.ts), then creates it.
import { useState } from 'preact/hooks';
import { describeWithRef } from '../core/message-token';
import type { TaskList } from '../core/types';
import { Dialog } from '../ui/Dialog';
import { ErrorRegion } from '../ui/ErrorRegion';
import { t, uiLang } from '../ui/i18n';
import { ListSelect } from '../ui/ListSelect';
import { shortName } from '../ui/shortName';
import { LongText } from '../ui/LongText';
import { useEditRunner, type OnEdit } from '../ui/useEditRunner';
import type { ChatMessage } from './chat-action';

/** The task's description: the message, then "— from the chat: alice, 14:32 [msg:…]" when the chat can find it again. */
function chatTaskDescription(message: ChatMessage): string {
  if (!message.ref) return message.text;
  const at = message.time?.toLocaleTimeString(uiLang(), { hour: '2-digit', minute: '2-digit' });
  const nick = shortName(message.nick, 60);
  return describeWithRef(message.text, at ? t('chatTaskRefAt', [nick, at]) : t('chatTaskRef', nick), message.ref);
}

export function ChatTaskDialog(props: {
  message: ChatMessage;
  /** lists in display order */
  lists: TaskList[];
  /** list to preselect (the last one picked) */
  listId?: string;
  onEdit: OnEdit;
  /** closed: `listId` is the list that got the task, undefined when cancelled */
  onClose: (listId?: string) => void;
}) {
  const { message, lists } = props;
  const [listId, setListId] = useState(props.listId && lists.some((l) => l.id === props.listId) ? props.listId : lists[0]?.id);
  const [busy, setBusy] = useState(false);
  const { run, error, clearError } = useEditRunner(props.onEdit);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!listId || busy) return;
    setBusy(true);
    clearError();
    const created = await run({ op: 'createTask', list: listId, name: message.nick, description: chatTaskDescription(message) });
    setBusy(false);
    if (created) props.onClose(listId);
  };

  return (
    <Dialog title={t('chatTaskTitle')} onCancel={() => props.onClose()} initialFocus="select, button">
      <form class="lct-form" onSubmit={submit} data-testid="chat-task-dialog">
        <p class="lct-text" dir="auto">
          <strong>{shortName(message.nick)}</strong>
        </p>
        <LongText class="lct-text" text={message.text} tag="p" />
        {lists.length === 0 ? (
          <p class="lct-hint">{t('chatTaskNoList')}</p>
        ) : (
          <ListSelect lists={lists} value={listId ?? ''} onChange={setListId} />
        )}
        <ErrorRegion error={error} onDismiss={clearError} />
        <div class="lct-form-actions">
          {lists.length > 0 && (
            <button type="submit" class="lct-btn lct-btn-primary" disabled={busy}>
              {t('chatTaskCreate')}
            </button>
          )}
          <button type="button" class="lct-btn" onClick={() => props.onClose()}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
