// Checks a manual XMPP account before it goes to the background, so a typo
// gets a message next to its field and the form keeps what was typed.
import type { ManualAccount } from '../messages';

export type AccountField = 'jid' | 'password' | 'service';
export type AccountErrors = Partial<Record<AccountField, string>>;

const BARE_JID = /^[^@\s/"&'<>:]+@[^@\s/"&'<>]+$/;
const SERVICE_PROTOCOLS = ['ws:', 'wss:', 'http:', 'https:'];

/** The account, or per-field _locales keys of what is wrong. */
export function checkAccount(fields: Record<AccountField, string>): { account: ManualAccount } | { errors: AccountErrors } {
  const jid = fields.jid.trim();
  const service = fields.service.trim();
  const errors: AccountErrors = {};
  if (!BARE_JID.test(jid)) errors.jid = 'errJid';
  if (!fields.password) errors.password = 'errPassword';
  let serviceOk = false;
  try {
    serviceOk = SERVICE_PROTOCOLS.includes(new URL(service).protocol);
  } catch {
    serviceOk = false;
  }
  if (!serviceOk) errors.service = 'errService';
  if (Object.keys(errors).length) return { errors };
  return { account: { jid, password: fields.password, service } };
}
