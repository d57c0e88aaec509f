// The page panel's size and collapsed state, remembered per PeerTube
// instance in storage.local (one key per origin), so each instance's layout
// keeps the user's choice.
import { ext } from '../ext';

export interface PanelState {
  collapsed: boolean;
  /** height in px (the only size a user sets: the panel's width is its column's) */
  height: number;
}

/** About half of the chat column beside a 1366×768 player: the chat keeps the larger share. */
export const DEFAULT_PANEL_STATE: PanelState = { collapsed: false, height: 260 };
export const HEIGHT_LIMITS = { min: 120, max: 1200 } as const;

export const panelStateKey = (origin: string) => `panel:${origin}`;

/** `px` within the limits, and within `max` where the page leaves less room (never under the minimum). */
export const clampHeight = (px: number, max: number = HEIGHT_LIMITS.max) =>
  Math.round(Math.max(HEIGHT_LIMITS.min, Math.min(max, HEIGHT_LIMITS.max, px)));

function sanitize(raw: unknown): PanelState {
  const r = (raw ?? {}) as Partial<Record<keyof PanelState, unknown>>;
  return {
    collapsed: typeof r.collapsed === 'boolean' ? r.collapsed : DEFAULT_PANEL_STATE.collapsed,
    height: typeof r.height === 'number' ? clampHeight(r.height) : DEFAULT_PANEL_STATE.height,
  };
}

export async function loadPanelState(origin: string): Promise<PanelState> {
  const key = panelStateKey(origin);
  try {
    const got = await ext()?.storage.local.get(key);
    return sanitize(got?.[key]);
  } catch {
    return { ...DEFAULT_PANEL_STATE };
  }
}

export function savePanelState(origin: string, state: PanelState): void {
  void ext()?.storage.local.set({ [panelStateKey(origin)]: state });
}
