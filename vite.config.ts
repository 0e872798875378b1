import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The service worker is our own (src/sw.ts, injectManifest): it precaches the app shell and runs
 * Background Sync. `registerType: 'prompt'` because a new version must never reload the page by
 * itself while a note is being written; the app asks ("Ny version klar — genindlæs").
 */
export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Fremskudt – fremskudt sagsbehandling',
        short_name: 'Fremskudt',
        description: 'Journal, besøg og opfølgning for fremskudt sagsbehandling – virker uden net.',
        // A stable identity, so a later change of start_url does not make it a different app.
        id: '/',
        lang: 'da',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0b4f6c',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,woff2}'],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: { sourcemap: true, target: 'es2022' },
  // The pull's page writer (src/sync/pullWorker.ts) is a module worker, bundled as ES modules.
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
