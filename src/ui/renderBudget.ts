// A big room renders in steps: the first tasks paint at once, the rest follow
// between frames, so that the browser paints and handles input in between.
import { useEffect, useState } from 'preact/hooks';

/** Tasks rendered per step. */
const TASKS_PER_STEP = 250;

/**
 * How many tasks may be rendered so far. Grows one step per macrotask until
 * everything is rendered; from then on, unlimited (later changes never hide
 * rows again). It waits while the room is not shown yet (loading): the room
 * that then arrives is the big one. A new `phase` (a new search) starts again
 * from one step: typing in a big room then costs one step per keystroke.
 */
export function useRenderBudget(totalTasks: number, shown: boolean, phase: unknown): number {
  const [state, setState] = useState({ budget: TASKS_PER_STEP, phase });
  const current = state.phase === phase ? state.budget : TASKS_PER_STEP;
  useEffect(() => {
    if (state.phase !== phase) {
      setState({ budget: TASKS_PER_STEP, phase });
      return;
    }
    if (current === Infinity || !shown) return;
    if (current >= totalTasks) {
      setState({ budget: Infinity, phase });
      return;
    }
    const timer = setTimeout(() => setState((s) => (s.phase === phase ? { budget: s.budget + TASKS_PER_STEP, phase } : s)), 0);
    return () => clearTimeout(timer);
  }, [current, totalTasks, shown, phase]);
  return current;
}
