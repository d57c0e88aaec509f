// The page panel's size and collapsed state, remembered per PeerTube
// instance in storage.local (one key per origin), so each instance's layout
// keeps the user's choice.
import { ext } from '../ext';

export interface PanelState {
  collapsed: boolean;
  /** height in px when docked below the chat */
  height: number;
  /** width in px when docked at the page's side */
  width: number;
}

export const DEFAULT_PANEL_STATE: PanelState = { collapsed: false, height: 380, width: 340 };
export const SIZE_LIMITS = { height: { min: 160, max: 1200 }, width: { min: 240, max: 900 } } as const;

export const panelStateKey = (origin: string) => `panel:${origin}`;

export const clampSize = (dim: 'height' | 'width', px: number) =>
  Math.round(Math.min(SIZE_LIMITS[dim].max, Math.max(SIZE_LIMITS[dim].min, px)));

function sanitize(raw: unknown): PanelState {
  const r = (raw ?? {}) as Partial<Record<keyof PanelState, unknown>>;
  return {
    collapsed: typeof r.collapsed === 'boolean' ? r.collapsed : DEFAULT_PANEL_STATE.collapsed,
    height: typeof r.height === 'number' ? clampSize('height', r.height) : DEFAULT_PANEL_STATE.height,
    width: typeof r.width === 'number' ? clampSize('width', r.width) : DEFAULT_PANEL_STATE.width,
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
