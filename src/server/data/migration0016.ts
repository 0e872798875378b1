import type { Kysely, Migration } from 'kysely';
import { rebuildJsonReaders } from './migration0015';
import type { Dialect } from './schema';

/**
 * PostgreSQL only: as 0015, for a lone surrogate (half of an emoji, `\ud83d` in the record's
 * JSON), which PostgreSQL's JSON functions refuse like a NUL: such a note, visit, follow-up or
 * contact failed its push with 500 every time. No row needs mending (none such was ever stored);
 * SQLite's JSON functions take one as it is.
 */
export function m0016SurrogateSafeJson(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') await rebuildJsonReaders(db);
    },
    async down() {
      // The safer forms read every record the old ones did: nothing to undo.
    },
  };
}
