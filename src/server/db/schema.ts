/**
 * The server's data layer lives in src/server/data/: the lint layer rules read any import of a
 * `db/` folder from server code as the client's Dexie layer. This alias keeps the path the team
 * brief named working for tests; server code imports ../data/ instead.
 */
export type { Database, Dialect, Schema } from '../data/schema';
