// memo() for preact without preact/compat (compat changes event names for
// the whole app and adds weight): a component that re-renders only when one
// of its props changed by reference.
import { createElement, type Component, type FunctionComponent } from 'preact';

function shallowDiffers(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const key in a) if (!(key in b)) return true;
  for (const key in b) if (a[key] !== b[key]) return true;
  return false;
}

export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  function Memoized(this: Component<P>, props: P) {
    this.shouldComponentUpdate = function (this: Component<P>, next: P) {
      return shallowDiffers(this.props as Record<string, unknown>, next as Record<string, unknown>);
    };
    return createElement(render, props);
  }
  Memoized.displayName = `Memo(${render.displayName || render.name})`;
  return Memoized as FunctionComponent<P>;
}
