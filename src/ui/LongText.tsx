// Untrusted text (names, descriptions) shown as text, whatever it holds:
// markup stays literal (JSX text nodes), direction follows the text itself
// (dir="auto"), and very long text is cut to a few lines with a button to
// show all of it, so 100,000 characters never cost layout until asked for.
import { useState } from 'preact/hooks';
import { t } from './i18n';

const MAX_LINES = 4;

function shortened(text: string, maxChars: number): string | undefined {
  let cut = text.length > maxChars ? maxChars : text.length;
  let lines = 0;
  for (let i = 0; i < cut; i++) {
    if (text.charCodeAt(i) === 10 && ++lines === MAX_LINES) {
      cut = i;
      break;
    }
  }
  return cut < text.length ? `${text.slice(0, cut).trimEnd()}…` : undefined;
}

export function LongText(props: {
  text: string;
  id?: string;
  class?: string;
  tag?: 'span' | 'p' | 'h3';
  /** characters shown before "Show more" (names of lists are kept shorter than task texts) */
  maxChars?: number;
}) {
  const [expanded, setExpanded] = useState(false);
  const short = shortened(props.text, props.maxChars ?? 280);
  const Tag = props.tag ?? 'span';
  return (
    <>
      <Tag id={props.id} class={`lct-text ${props.class ?? ''}`} dir="auto">
        {short && !expanded ? short : props.text}
      </Tag>
      {short && (
        <button
          type="button"
          class="lct-more"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('showLess') : t('showMore')}
        </button>
      )}
    </>
  );
}
