// memo() for preact without preact/compat (compat changes event names for
// the whole app and adds weight): a component that re-renders only when one
// of its props changed by reference (or as `same` says), or its own state changed. The render
// function runs as the component itself (no inner component), which saves
// a component and a vnode per row in a room of thousands of tasks.
import type { Component, FunctionComponent } from 'preact';

function shallowDiffers(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const key in a) if (!(key in b)) return true;
  for (const key in b) if (a[key] !== b[key]) return true;
  return false;
}

function propsChanged(this: Component, next: object): boolean {
  return shallowDiffers(this.props as Record<string, unknown>, next as Record<string, unknown>);
}

/** `same` (optional) says when two props render alike although they differ by reference. */
export function memo<P extends object>(render: FunctionComponent<P>, same?: (a: P, b: P) => boolean): FunctionComponent<P> {
  const changed = same
    ? function (this: Component<P>, next: P) {
        return !same(this.props as P, next);
      }
    : propsChanged;
  function Memoized(this: Component<P>, props: P) {
    // set before the first render's hooks run: preact's useState wraps it to let the component's own state updates through
    this.shouldComponentUpdate ??= changed;
    return render.call(this, props);
  }
  Memoized.displayName = `Memo(${render.displayName || render.name})`;
  return Memoized as FunctionComponent<P>;
}
