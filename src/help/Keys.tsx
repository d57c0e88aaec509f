// Key combinations as the reader's keyboard names them: "Strg" on a German
// keyboard, "⌘" for Ctrl on a Mac (our handlers take either), arrows as
// arrows; alternatives joined the way the language says "or".
import { Fragment } from 'preact';
import { t, uiLang } from '../ui/i18n';

const isMac = () => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

const ARROWS: Record<string, string> = { Up: '↑', Down: '↓', Left: '←', Right: '→' };

/** One key's label; names a manifest or commands.getAll() may use, else the token as it is. */
function keyLabel(token: string): string {
  if (ARROWS[token]) return ARROWS[token];
  switch (token) {
    case 'Ctrl':
      return isMac() ? '⌘' : t('keyCtrl');
    case 'MacCtrl':
      return t('keyCtrl');
    case 'Command':
      return '⌘';
    case 'Alt':
      return isMac() ? '⌥' : 'Alt';
    case 'Shift':
      return t('keyShift');
    case 'Enter':
      return t('keyEnter');
    case 'Esc':
      return t('keyEscape');
    case 'Space':
      return t('keySpace');
    case 'Home':
      return t('keyHome');
    case 'End':
      return t('keyEnd');
    default:
      return token;
  }
}

/** A combination like "Alt+Shift+K", as nested <kbd> (HTML's markup for a combination). */
function Combo({ combo }: { combo: string }) {
  const keys = combo.split('+').filter(Boolean);
  return (
    <kbd>
      {keys.map((key, i) => (
        <Fragment key={i}>
          {i > 0 && '+'}
          <kbd>{keyLabel(key)}</kbd>
        </Fragment>
      ))}
    </kbd>
  );
}

/** Alternatives ("Alt+Up", "Alt+Down"), joined by the language's "or". */
export function Keys({ alternatives }: { alternatives: string[] }) {
  const parts = new Intl.ListFormat(uiLang(), { type: 'disjunction' }).formatToParts(alternatives);
  return <>{parts.map((part, i) => (part.type === 'element' ? <Combo key={i} combo={part.value} /> : part.value))}</>;
}
