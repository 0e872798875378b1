import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startPwa } from './pwa/startPwa';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
// Service worker (production builds) and persistent storage: see src/pwa/startPwa.ts.
startPwa();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
