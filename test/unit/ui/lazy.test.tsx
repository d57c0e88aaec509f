// @vitest-environment happy-dom
// A part loaded on use (lazy.ts): nothing until its code arrived, then the
// part with its props; a load that failed (the extension updated under the
// page) is tried again at the next render instead of leaving a hole for good.
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { lazy } from '../../../src/ui/lazy';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const Greeting = (props: { name: string }) => <p>Hello {props.name}</p>;

/** A loader the test resolves or rejects by hand. */
function manualLoader() {
  const calls: { resolve: (c: typeof Greeting) => void; reject: (e: Error) => void }[] = [];
  const load = () => new Promise<typeof Greeting>((resolve, reject) => calls.push({ resolve, reject }));
  return { load, calls };
}

test('renders nothing until its code is there, then the part with its props; loaded once for every use', async () => {
  const { load, calls } = manualLoader();
  const Part = lazy(load);
  const { rerender } = render(
    <div>
      <Part name="Ada" />
      <Part name="Bob" />
    </div>,
  );
  expect(screen.queryByText(/Hello/)).toBeNull();
  expect(calls).toHaveLength(1);
  await act(async () => calls[0]!.resolve(Greeting));
  expect(await screen.findByText('Hello Ada')).toBeTruthy();
  expect(screen.getByText('Hello Bob')).toBeTruthy();
  rerender(<Part name="Cy" />);
  expect(screen.getByText('Hello Cy')).toBeTruthy();
  expect(calls).toHaveLength(1);
});

test('a failed load is said in the console and tried again at the next render', async () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const { load, calls } = manualLoader();
  const Part = lazy(load);
  const { rerender } = render(<Part name="Ada" />);
  await act(async () => calls[0]!.reject(new Error('gone')));
  expect(error).toHaveBeenCalled();
  expect(screen.queryByText(/Hello/)).toBeNull();
  rerender(<Part name="Ada" />);
  expect(calls).toHaveLength(2);
  await act(async () => calls[1]!.resolve(Greeting));
  expect(await screen.findByText('Hello Ada')).toBeTruthy();
});
