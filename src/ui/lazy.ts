// Parts of the UI that no first paint needs (forms, dialogs, the notes, the
// undo planner, drag and drop, the search's matcher, the chat's buttons) are
// chunks of their own, loaded the first time they are used: the page panel's
// first paint loads only what shows the tasks (issue 16's content script
// budget). Once the view is on screen, the panel loads them all while idle
// (usePreloadOnceShown), so a click rarely waits for one.
import { type ComponentType, createElement, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type Loader = () => Promise<unknown>;
const loaders = new Set<Loader>();

/** Code loaded on first use (or preloaded). */
export interface Part<T> {
  /** Loads it (once); resolves to undefined when the load failed, which is said in the console and tried again at the next call. */
  get(): Promise<T | undefined>;
  /** It, once it came. */
  now(): T | undefined;
  /** Calls `fn` with it: at once if it came, else once it came (never, if it did not load). */
  use(fn: (code: T) => unknown): void;
}

/**
 * Code imported by `load` the first time it is asked for (or preloaded). A
 * chunk that failed to load (the extension was updated under the page) is
 * asked for again the next time.
 */
export function part<T>(load: () => Promise<T>): Part<T> {
  let loaded: T | undefined;
  let loading: Promise<T | undefined> | undefined;
  const get = () =>
    (loading ??= load().then(
      (value) => (loaded = value),
      (error: unknown) => {
        loading = undefined;
        console.error('Livechat Tasks: a part of the panel did not load', error);
        return undefined;
      },
    ));
  loaders.add(get);
  return {
    get,
    now: () => loaded,
    use: (fn) => void (loaded ? fn(loaded) : get().then((code) => code && fn(code))),
  };
}

/** `code` once it came, asking for it while `wanted`; the component renders again when it arrives. */
export function usePart<T>(code: Part<T>, wanted = true): T | undefined {
  const [, setArrived] = useState(false);
  const loaded = code.now();
  useEffect(() => {
    if (loaded || !wanted) return;
    let mounted = true;
    void code.get().then((value) => mounted && value && setArrived(true));
    return () => {
      mounted = false;
    };
  });
  return loaded;
}

/**
 * A component whose code is imported by `load` when it is first rendered
 * (or preloaded); until then it renders nothing, and it appears in the frame
 * after its chunk arrived.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  const code = part(load);
  return function Lazy(props: P) {
    const loaded = usePart(code);
    return loaded ? createElement(loaded, props) : null;
  };
}

/** Loads every part now (the unit tests do, before rendering). */
export function preloadAll(): Promise<unknown> {
  return Promise.all([...loaders].map((get) => get()));
}

/** Once `shown` (a room is on screen), loads every part while the browser is idle. */
export function usePreloadOnceShown(shown: boolean): void {
  useEffect(() => {
    if (!shown) return;
    // (not every DOM has idle callbacks: happy-dom in the unit tests)
    if (typeof requestIdleCallback !== 'function') return void preloadAll();
    const idle = requestIdleCallback(() => void preloadAll(), { timeout: 2_000 });
    return () => cancelIdleCallback(idle);
  }, [shown]);
}
