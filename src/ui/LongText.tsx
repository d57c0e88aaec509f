// Untrusted text (names, descriptions) shown as text, whatever it holds:
// markup stays literal (JSX text nodes), direction follows the text itself
// (dir="auto"), and very long text is cut to a few lines with a button to
// show all of it, so 100,000 characters never cost layout until asked for.
// Short text (nearly all of it) is a plain element, without a component or
// state: rows call longText() directly, thousands of times in a big room.
import { useState } from 'preact/hooks';
import type { Highlight } from './Highlight';
import { t } from './i18n';

const MAX_LINES = 4;

function shortened(text: string, maxChars: number): string | undefined {
  let cut = Math.min(text.length, maxChars);
  let lines = 0;
  for (let i = 0; i < cut; i++) {
    if (text.charCodeAt(i) === 10 && ++lines === MAX_LINES) {
      cut = i;
      break;
    }
  }
  return cut < text.length ? `${text.slice(0, cut).trimEnd()}…` : undefined;
}

interface LongTextProps {
  text: string;
  id?: string;
  class?: string;
  tag?: 'span' | 'p' | 'h3';
  /** characters shown before "Show more" (names of lists are kept shorter than task texts) */
  maxChars?: number;
  /** marks the search's matches (Highlight.tsx) */
  marks?: Highlight | null;
}

function TextElement(props: LongTextProps & { shown: string }) {
  const Tag = props.tag ?? 'span';
  return (
    <Tag id={props.id} class={`lct-text ${props.class ?? ''}`} dir="auto">
      {props.marks ? props.marks(props.shown) : props.shown}
    </Tag>
  );
}

function ExpandableText(props: LongTextProps & { short: string }) {
  const [expanded, setExpanded] = useState(false);
  return (
    <>
      {TextElement({ ...props, shown: expanded ? props.text : props.short })}
      <button type="button" class="lct-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
        {expanded ? t('showLess') : t('showMore')}
      </button>
    </>
  );
}

export function longText(props: LongTextProps) {
  const short = shortened(props.text, props.maxChars ?? 280);
  return short ? <ExpandableText {...props} short={short} /> : TextElement({ ...props, shown: props.text });
}

export const LongText = (props: LongTextProps) => longText(props);
