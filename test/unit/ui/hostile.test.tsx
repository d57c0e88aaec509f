// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { makeView } from './fixtures';
import { renderApp } from './render';

afterEach(cleanup);

const html = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><b>bold</b>';

describe('hostile task text', () => {
  test('markup and script in names and descriptions are shown as text, never run or parsed', () => {
    const { container } = renderApp(makeView([{ name: html, tasks: [{ name: html, description: html }] }], { title: html }));
    expect(container.querySelector('script, img, b')).toBeNull();
    expect(screen.getAllByText(html).length).toBeGreaterThanOrEqual(3);
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  test('100,000 characters are cut to a few lines, with a button to see all', () => {
    const long = 'x'.repeat(100_000);
    renderApp(makeView([{ name: 'Prep', tasks: [{ name: long }] }]));
    const name = document.querySelector('.lct-task-name')!;
    expect(name.textContent!.length).toBeLessThan(300);
    expect(name.textContent!.endsWith('…')).toBe(true);
    const more = screen.getByRole('button', { name: 'Show more' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(name.textContent).toBe(long);
    expect(screen.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
  });

  test('a long list name is cut shorter still, and its full text is one click away', () => {
    renderApp(makeView([{ name: 'L'.repeat(5000) }]));
    const name = screen.getByRole('heading', { level: 3 });
    expect(name.textContent!.length).toBeLessThanOrEqual(101);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(name.textContent).toBe('L'.repeat(5000));
  });

  test('many short lines are cut too', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    renderApp(makeView([{ name: 'Prep', tasks: [{ name: 'n', description: lines }] }]));
    expect(document.querySelector('.lct-task-desc')!.textContent).toBe('line 0\nline 1\nline 2\nline 3…');
  });

  test('text follows its own direction (right-to-left too), and wraps anywhere', () => {
    renderApp(makeView([{ name: 'قائمة', tasks: [{ name: 'تحقق من الصوت', description: 'שאל את הצ׳אט' }] }]));
    for (const text of ['قائمة', 'تحقق من الصوت', 'שאל את הצ׳אט']) {
      const el = screen.getByText(text);
      expect(el.getAttribute('dir')).toBe('auto');
      expect(getComputedStyle(el).overflowWrap).toBe('anywhere');
    }
  });

  test('the confirmation quotes a hostile name as text, shortened', () => {
    renderApp(makeView([{ name: 'Prep', tasks: [{ name: html + 'y'.repeat(5000) }] }]));
    fireEvent.click(screen.getByRole('button', { name: 'Delete task' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.querySelector('script, img, b')).toBeNull();
    expect(within(dialog).getByText(/^The task “<img src=x/).textContent!.length).toBeLessThan(400);
  });
});
