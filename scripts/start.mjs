#!/usr/bin/env node
// `npm start`: runs the built server (dist/server/main.js). Outside production it loads the demo
// data (users mette, anders, sara; password "demo") into an EMPTY database, so a fresh checkout
// can be tried at once. The server seeds only when the database has no users, so existing data is
// never touched. Production (NODE_ENV=production) never gets demo users unless DEMO_DATA=1 is set
// explicitly; set DEMO_DATA=0 to start empty in development.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/server/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('dist/server/main.js is missing: run `npm run build` first (npm start does).');
  process.exit(1);
}
if (process.env.DEMO_DATA === undefined && process.env.NODE_ENV !== 'production') {
  process.env.DEMO_DATA = '1';
  console.log(
    'Demo data on an empty database (DEMO_DATA=0 to start empty): log in as mette / demo',
  );
}
const port = process.env.PORT || '3000';
console.log(`Fremskudt on http://localhost:${port}`);
await import(main);
