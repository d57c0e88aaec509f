// Parts of the UI that no first paint needs (forms, dialogs, the notes) are
// chunks of their own, loaded the first time one is shown:
// the page panel's first paint loads only the rows (issue 16's content script
// budget). Once the view is on screen, the panel loads them all while idle
// (usePreloadOnceShown), so a click rarely waits for one.
import { type ComponentType, createElement, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type Loader = () => Promise<unknown>;
const loaders = new Set<Loader>();

/**
 * A component whose code is imported by `load` when it is first rendered
 * (or preloaded); until then it renders nothing, and it appears in the frame
 * after its chunk arrived. A chunk that failed to load (the extension was
 * updated under the page) is asked for again at the next render.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const start = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        loading = undefined;
        console.error('Livechat Tasks: a part of the panel did not load', error);
      },
    ));
  loaders.add(start);
  return function Lazy(props: P) {
    const [, setArrived] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let mounted = true;
      void start().then(() => mounted && loaded && setArrived(true));
      return () => {
        mounted = false;
      };
    });
    return loaded ? createElement(loaded, props) : null;
  };
}

/** Loads every lazy part now (the unit tests do, before rendering). */
export function preloadAll(): Promise<unknown> {
  return Promise.all([...loaders].map((start) => start()));
}

/** Once `shown` (a room is on screen), loads every lazy part while the browser is idle. */
export function usePreloadOnceShown(shown: boolean): void {
  useEffect(() => {
    if (!shown) return;
    // (not every DOM has idle callbacks: happy-dom in the unit tests)
    if (typeof requestIdleCallback !== 'function') return void preloadAll();
    const idle = requestIdleCallback(() => void preloadAll(), { timeout: 2_000 });
    return () => cancelIdleCallback(idle);
  }, [shown]);
}
