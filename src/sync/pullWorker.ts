// A dedicated worker of the unlocked page: runs the pulls of its sync engine (workerPull.ts), so
// none of a first sync's parsing, validation, sealing and storing runs on the main thread.
import { FremskudtDb } from '../db/database';
import { createSealer } from '../db/vault/sealer';
import { createApiClient } from './apiClient';
import { sessionToken } from './sessionToken';
import { servePulls } from './workerPull';

servePulls(self, (dbName, dataKey) => {
  const db = new FremskudtDb(dbName, createSealer(dataKey));
  return { db, api: createApiClient({ token: () => sessionToken(db) }) };
});
