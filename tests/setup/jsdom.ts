import 'fake-indexeddb/auto';
import { afterEach, beforeAll } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { addMessages } from '../../src/i18n';
import { catalogs } from '../../src/i18n/catalog';
import { useLocaleStore } from '../../src/stores/localeStore';
import { syncStatus } from '../../src/sync/syncStatus';

// jsdom's window brings typed arrays of its own realm, while fake-indexeddb and WebCrypto hand
// back Node's. Dexie's clone (update(), the live-query cache) only recognises the global ones and
// would turn a sealed Uint8Array into a plain object. A browser has a single realm; so do we.
const nodeUint8Array = (Object.getPrototypeOf(Buffer.prototype) as Uint8Array)
  .constructor as Uint8ArrayConstructor;
globalThis.Uint8Array = nodeUint8Array;
globalThis.ArrayBuffer = new nodeUint8Array(1).buffer.constructor as ArrayBufferConstructor;

// The signed-in app and rarely used screens are lazy chunks: their first import in a test file
// (transformed on demand, on a loaded 2-core machine) can take longer than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

// ... and on CI, with the other lanes running, longer than 5 s too: a screen test rendering the
// whole app still showed "Åbner Fremskudt …" after 5 s, its lazy chunks not yet loaded. Every
// screen module is imported (and transformed) once before the first test of the project, outside
// any test's time limit; the files share the module graph, so later files find them loaded.
const screens = import.meta.glob(['../../src/app/*.tsx', '../../src/features/**/*.tsx']);
beforeAll(async () => {
  if (typeof window === 'undefined') return; // a file with `@vitest-environment node`
  await Promise.all(Object.values(screens).map((load) => load()));
}, 120_000);

// Screen tests render screens of the signed-in app on their own; the app loads these messages
// with that app's chunk (AppRoutes).
addMessages(catalogs);

afterEach(() => {
  cleanup();
});

// The unit files share one jsdom window and one module graph (vitest.config.ts: isolate off, four
// times faster). Each file starts as a freshly loaded page would: at /, nothing in web storage, the
// page's stores at their initial state. The local database is reset by the tests themselves.
beforeAll(() => {
  if (typeof window === 'undefined') return; // a file with `@vitest-environment node`
  window.history.replaceState(null, '', '/');
  localStorage.clear();
  sessionStorage.clear();
  useLocaleStore.setState(useLocaleStore.getInitialState(), true);
  syncStatus.reset();
});
