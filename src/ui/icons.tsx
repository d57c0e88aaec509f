// Tiny icons (24×24 viewBox, stroked paths), always decorative: the button
// around them carries the label. Each is an inline <svg> stroked in the text
// colour, so themes and forced colours colour it. They were CSS masks of SVG
// images (no element per icon), but a masked element paints its image anew at
// every frame that touches it: with a list's rows in view, a toggle's frames
// took 15-20 ms of paint, against about 2 ms for the same rows drawn as
// paths. Only rows near the view are rendered (windowing.ts), so a room of
// 5,000 tasks holds a few hundred icons, not 25,000.
import type { ButtonHTMLAttributes, Ref } from 'preact';
import { t } from './i18n';

const paths = {
  plus: 'M12 5v14M5 12h14',
  pencil: 'M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  move: 'M5 12h12M13 7l5 5-5 5',
  grip: 'M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01',
  chevron: 'M8 10l4 4 4-4',
  close: 'M6 6l12 12M18 6L6 18',
  clock: 'M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
  chat: 'M4 5h16v11H10l-5 4v-4H4z',
  eye: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
} as const;

export type IconName = keyof typeof paths;

/** An icon; rows call this directly (a component per icon would cost thousands of component instances). */
export function icon(name: IconName) {
  return (
    <svg class="lct-icon" viewBox="0 0 24 24" stroke-width={name === 'grip' ? 3 : 2} aria-hidden="true" focusable="false">
      <path d={paths[name]} />
    </svg>
  );
}

export const Icon = ({ name }: { name: IconName }) => icon(name);

/**
 * An icon-only button, its label both its accessible name and its tooltip
 * (unless `title` says more); `class` adds to its own classes. Rows call this
 * directly, as they call icon().
 */
export function iconButton(
  name: IconName,
  label: string,
  attrs: ButtonHTMLAttributes<HTMLButtonElement> & { 'data-focus'?: string; ref?: Ref<HTMLButtonElement> } = {},
) {
  const { class: extra, ...rest } = attrs;
  return (
    <button type="button" class={`lct-icon-btn lct-i-${name}${extra ? ` ${extra}` : ''}`} aria-label={label} title={label} {...rest}>
      {icon(name)}
    </button>
  );
}

/** Beside an item the server does not have yet: a clock, said as "not saved yet". */
export function pendingMark() {
  return (
    <span class="lct-pending-mark" title={t('pending')}>
      {icon('clock')}
      <span class="lct-sr">{t('pending')}</span>
    </span>
  );
}
