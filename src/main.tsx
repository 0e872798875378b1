import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startVaultChannel } from './db/vault/vaultChannel';
import { startPwa } from './pwa';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
// Tabs share lock, activity and (for a newly opened tab) the key.
startVaultChannel();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// The service worker, persistent storage and storage estimate (PWA engineer's start-up).
startPwa();
