// Renders the task app the way the views mount it, with its stylesheet, and
// lets a test push the next RoomView as the background would.
import { render } from '@testing-library/preact';
import type { RoomView } from '../../../src/core/types';
import { TaskApp, type TaskAppProps } from '../../../src/ui/TaskApp';
import { acceptingEdits, stylesheet } from './fixtures';

export function renderApp(view: RoomView, onEdit: TaskAppProps['onEdit'] = acceptingEdits(), variant?: TaskAppProps['variant']) {
  if (!document.getElementById('lct-test-css')) {
    const style = document.createElement('style');
    style.id = 'lct-test-css';
    style.textContent = stylesheet;
    document.head.append(style);
  }
  const result = render(<TaskApp view={view} onEdit={onEdit} variant={variant} />);
  return {
    ...result,
    onEdit,
    /** the background pushes a new view */
    push: (next: RoomView) => result.rerender(<TaskApp view={next} onEdit={onEdit} variant={variant} />),
  };
}
