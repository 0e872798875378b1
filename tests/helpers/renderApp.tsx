import { configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';
import { App } from '../../src/app/App';
// The signed-in app is a lazy chunk: loaded (and transformed) with the test file, not inside the
// first test's time limit.
import '../../src/app/AppRoutes';

// Live queries on a loaded 2-core CI machine can take longer than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

/**
 * Renders the whole app (shell, session gate, routes) at `path` with an in-memory location, so a
 * test can follow navigation through `location.history`.
 */
export function renderApp(path: string) {
  const location = memoryLocation({ path, record: true });
  const user = userEvent.setup();
  const view = render(<App locationHook={location.hook} startSync={null} />);
  return { ...view, user, location, currentPath: () => location.history.at(-1) ?? '' };
}
