// The peer of scenario 3, in its own process: express-pouchdb (the core of pouchdb-server) on an
// in-memory adapter, holding the same caseload as our server, and serving the bench's pouch page
// on the same origin. Usage: node pouchServer.mjs <assetsDir> <records>; prints {"port":…} when
// the documents are loaded. In-memory (memdown) rather than leveldown: no native build needed,
// and it is the faster choice for the peer's server side, so the comparison does not flatter us.
import express from 'express';
import expressPouchdb from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import { benchId, citizenFields, CITIZEN_KIND, NOTE_KIND, noteFields } from '../shared/generate';

const [assetsDir, recordsArg] = process.argv.slice(2);
const records = Number(recordsArg);
const citizens = Math.round(records / 10);
const MemoryPouch = PouchDB.plugin(memoryAdapter)
  .plugin(httpAdapter)
  .plugin(mapreduce)
  .plugin(replication)
  .defaults({ adapter: 'memory' });

const at = new Date().toISOString();
const meta = {
  teamId: 'bench',
  version: 1,
  createdAt: at,
  updatedAt: at,
  createdBy: 'bench-a',
  updatedBy: 'bench-a',
  conflicts: [],
};
const db = new MemoryPouch('caseload');
for (let start = 0; start < records; start += 1000) {
  const docs = [];
  for (let i = start; i < Math.min(records, start + 1000); i++) {
    docs.push(
      i < citizens
        ? { _id: benchId(CITIZEN_KIND, i), entity: 'citizen', ...citizenFields(i), ...meta }
        : {
            _id: benchId(NOTE_KIND, i - citizens),
            entity: 'note',
            ...noteFields(i - citizens, citizens, 'bench-a'),
            ...meta,
          },
    );
  }
  await db.bulkDocs(docs);
}

const app = express();
app.use(express.static(assetsDir));
app.use('/db', expressPouchdb(MemoryPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
