// The page panel's frame: a title bar that folds it, and a grip that sets its
// height (drag with mouse, touch or pen; arrows, Home and End from the
// keyboard, as on any separator). Sharing the chat's column (a split) or
// docked at the viewport's bottom, the grip is on top, between the chat and
// the panel: moving it up gives the panel more. In the page's flow under the
// chat or the player, the grip is at the bottom and moving it down gives more.
// Its styles are frame.css.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { t } from '../ui/i18n';
import { Icon } from '../ui/icons';
import type { Layout } from './mount';
import { clampHeight, HEIGHT_LIMITS, type PanelState } from './panel-state';

const RESIZE_STEP_PX = 24;
const BODY_ID = 'lct-panel-body';

export function PanelFrame(props: {
  layout: Pick<Layout, 'dock' | 'placement' | 'room'>;
  title: string;
  state: PanelState;
  /** every change; `persist` is false while a drag is under way */
  onState: (state: PanelState, persist: boolean) => void;
  children: ComponentChildren;
}) {
  const { layout, state } = props;
  const split = layout.placement === 'split';
  const gripOnTop = split || layout.placement === 'fixed';
  const max =
    split && layout.room !== undefined ? Math.max(HEIGHT_LIMITS.min, Math.min(HEIGHT_LIMITS.max, layout.room)) : HEIGHT_LIMITS.max;
  const height = clampHeight(state.height, max);
  const drag = useRef<{ start: number; size: number } | null>(null);

  const setHeight = (px: number, persist: boolean) => props.onState({ ...state, height: clampHeight(px, max) }, persist);
  // Grip on top: moving up (a smaller clientY) grows the panel.
  const pointerPos = (e: PointerEvent) => (gripOnTop ? -e.clientY : e.clientY);

  const onKeyDown = (e: KeyboardEvent) => {
    const grow = gripOnTop ? 'ArrowUp' : 'ArrowDown';
    const shrink = gripOnTop ? 'ArrowDown' : 'ArrowUp';
    const size =
      e.key === grow
        ? height + RESIZE_STEP_PX
        : e.key === shrink
          ? height - RESIZE_STEP_PX
          : e.key === 'Home'
            ? HEIGHT_LIMITS.min
            : e.key === 'End'
              ? max
              : undefined;
    if (size === undefined) return;
    e.preventDefault();
    setHeight(size, true);
  };

  const grip = !state.collapsed && (
    // biome-ignore lint/a11y/useSemanticElements: a focusable window splitter is ARIA's separator pattern; <hr> cannot take focus and keys
    <div
      class="lct-frame-grip"
      role="separator"
      tabIndex={0}
      aria-label={t('panelResize')}
      aria-orientation="horizontal"
      aria-valuenow={height}
      aria-valuemin={HEIGHT_LIMITS.min}
      aria-valuemax={max}
      data-testid="lct-panel-resize"
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        e.preventDefault();
        (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
        drag.current = { start: pointerPos(e), size: height };
      }}
      onPointerMove={(e) => {
        if (drag.current) setHeight(drag.current.size + pointerPos(e) - drag.current.start, false);
      }}
      onPointerUp={(e) => {
        if (!drag.current) return;
        setHeight(drag.current.size + pointerPos(e) - drag.current.start, true);
        drag.current = null;
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
    />
  );

  return (
    <section
      class="lct-root lct-frame"
      data-dock={layout.dock}
      data-placement={layout.placement}
      style={{ maxHeight: state.collapsed ? undefined : `${height}px` }}
      aria-label={t('panelLabel')}
      data-testid="lct-panel"
    >
      {gripOnTop && grip}
      <div class="lct-frame-bar">
        <button
          type="button"
          class="lct-frame-toggle"
          aria-expanded={!state.collapsed}
          aria-controls={BODY_ID}
          data-testid="lct-panel-toggle"
          onClick={() => props.onState({ ...state, collapsed: !state.collapsed }, true)}
        >
          <Icon name="chevron" />
          <span dir="auto">{props.title}</span>
        </button>
      </div>
      {!state.collapsed && (
        <div id={BODY_ID} class="lct-frame-body">
          {props.children}
        </div>
      )}
      {!gripOnTop && grip}
    </section>
  );
}
