// The page panel's frame: a title bar that collapses it, and a resize handle
// (drag with mouse, touch or pen; arrows, Home and End from the keyboard).
// Below the chat the height changes; docked at the side, the width. Its
// styles are frame.css.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { t } from '../ui/i18n';
import { Icon } from '../ui/icons';
import type { Dock } from './mount';
import { clampSize, SIZE_LIMITS, type PanelState } from './panel-state';

export const RESIZE_STEP_PX = 24;
/** Docked at the side, the panel is at most the window's height less this much (PeerTube's header stays in view). */
const SIDE_TOP_GAP_PX = 72;
const BODY_ID = 'lct-panel-body';

export function PanelFrame(props: {
  dock: Dock;
  title: string;
  state: PanelState;
  /** every change; `persist` is false while a drag is under way */
  onState: (state: PanelState, persist: boolean) => void;
  children: ComponentChildren;
}) {
  const { dock, state } = props;
  const dim = dock === 'chat' ? 'height' : 'width';
  const drag = useRef<{ start: number; size: number } | null>(null);

  const setSize = (px: number, persist: boolean) => props.onState({ ...state, [dim]: clampSize(dim, px) }, persist);
  // Docked at the right edge, the handle is on the left: moving left widens.
  const pointerPos = (e: PointerEvent) => (dim === 'height' ? e.clientY : -e.clientX);

  const onKeyDown = (e: KeyboardEvent) => {
    const grow = dim === 'height' ? 'ArrowDown' : 'ArrowLeft';
    const shrink = dim === 'height' ? 'ArrowUp' : 'ArrowRight';
    const size =
      e.key === grow ? state[dim] + RESIZE_STEP_PX
      : e.key === shrink ? state[dim] - RESIZE_STEP_PX
      : e.key === 'Home' ? SIZE_LIMITS[dim].min
      : e.key === 'End' ? SIZE_LIMITS[dim].max
      : undefined;
    if (size === undefined) return;
    e.preventDefault();
    setSize(size, true);
  };

  const style =
    dock === 'chat'
      ? { height: state.collapsed ? 'auto' : `${state.height}px` }
      : // as tall as its place (the row beside the closed chat), else as its content, within the window
        { width: `${state.width}px`, maxWidth: '100%', height: state.collapsed ? 'auto' : '100%', maxHeight: `calc(100vh - ${SIDE_TOP_GAP_PX}px)` };

  return (
    <section class="lct-root lct-frame" data-dock={dock} style={style} aria-label={t('panelLabel')} data-testid="lct-panel">
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
        <>
          <div id={BODY_ID} class="lct-frame-body">
            {props.children}
          </div>
          <div
            class="lct-frame-handle"
            role="separator"
            tabIndex={0}
            aria-label={t('panelResize')}
            aria-orientation={dim === 'height' ? 'horizontal' : 'vertical'}
            aria-valuenow={state[dim]}
            aria-valuemin={SIZE_LIMITS[dim].min}
            aria-valuemax={SIZE_LIMITS[dim].max}
            data-testid="lct-panel-resize"
            onKeyDown={onKeyDown}
            onPointerDown={(e) => {
              e.preventDefault();
              (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
              drag.current = { start: pointerPos(e), size: state[dim] };
            }}
            onPointerMove={(e) => {
              if (drag.current) setSize(drag.current.size + pointerPos(e) - drag.current.start, false);
            }}
            onPointerUp={(e) => {
              if (!drag.current) return;
              setSize(drag.current.size + pointerPos(e) - drag.current.start, true);
              drag.current = null;
            }}
            onPointerCancel={() => {
              drag.current = null;
            }}
          />
        </>
      )}
    </section>
  );
}
