import { sql, type Kysely, type Migration } from 'kysely';
import { pgJson } from './jsonSql';
import { statisticsIndexSql } from './migration0005';
import { STATISTICS_INDEXES } from '../statistics/recordFields';
import type { Dialect } from './schema';

/** The columns of `statistics_contacts`, each with the contact's JSON field it copies. */
export const STATISTICS_CONTACT_COLUMNS = [
  ['at', 'at'],
  ['location_id', 'locationId'],
  ['kind', 'kind'],
  ['age_group', 'ageGroup'],
  ['gender', 'gender'],
  ['citizen_id', 'citizenId'],
  ['topics', 'topics'],
] as const;

const columnList = ['id', 'team_id', ...STATISTICS_CONTACT_COLUMNS.map(([c]) => c)].join(', ');

/** SQLite: the copied values of a records row (`row` is `new` in a trigger, `records` else). */
const sqliteValues = (row: string) =>
  [
    `${row}.id`,
    `${row}.team_id`,
    ...STATISTICS_CONTACT_COLUMNS.map(([, f]) => `json_extract(${row}.data, '$.${f}')`),
  ].join(', ');

/** PostgreSQL: the JSON parsed once per row (json_to_record), as `x`. */
const PG_FIELDS = `json_to_record(${pgJson('%DATA%')}) as x("at" text, "locationId" text, kind text,
  "ageGroup" text, gender text, "citizenId" text, topics json)`;
const pgValues = (row: string) =>
  `${row}.id, ${row}.team_id, x."at", x."locationId", x.kind, x."ageGroup", x.gender,
   x."citizenId", x.topics::text`;

/** PostgreSQL: the trigger function keeping a contact's copy (0015 redefined it NUL-safe). */
export const PG_COPY_FUNCTION = `create or replace function statistics_contacts_copy()
  returns trigger language plpgsql as $$
  begin
    if tg_op <> 'INSERT' and old.entity = 'contact' then
      delete from statistics_contacts where id = old.id;
    end if;
    if tg_op <> 'DELETE' and new.entity = 'contact' and new.deleted = 0 then
      insert into statistics_contacts (${columnList})
      select ${pgValues('new')} from ${PG_FIELDS.replace('%DATA%', 'new.data')};
    end if;
    return null;
  end $$`;

/**
 * Statistics (migration 0013): the fields the report counts of every live contact, copied out of
 * the record's JSON into plain columns of their own table, kept by triggers on `records`, and one
 * covering index on (team, time, the counted fields).
 *
 * Why: the default report (a quarter of a busy municipality, about 250,000 contacts) read through
 * the expression indexes of 0005 fetched every contact's record row and parsed its JSON, 5–8 s on
 * the bench machine; most of it was the row fetches, which no expression index avoids (SQLite
 * never treats an expression index as covering, PostgreSQL plans no index-only scan on one). Read
 * from this index it is one range per team and nothing else.
 *
 * Triggers rather than the push code: every path that writes a record (a push, an erasure, the
 * retention job, a restore, a direct repair) keeps the copy right in the same transaction, on
 * both databases. A record's deletion (deleted = 1, or the row removed) removes its copy.
 * 0005's two contact indexes are dropped: nothing reads contacts through them any more, and each
 * cost every contact write an index update.
 */
export function m0013StatisticsContacts(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('statistics_contacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text')
        .addColumn('location_id', 'text')
        .addColumn('kind', 'text')
        .addColumn('age_group', 'text')
        .addColumn('gender', 'text')
        .addColumn('citizen_id', 'text')
        .addColumn('topics', 'text')
        .execute();
      await sql
        .raw(
          `create index statistics_contacts_team_at on statistics_contacts (team_id, at,
          location_id, kind, age_group, gender, citizen_id, topics)`,
        )
        .execute(db);
      if (dialect === 'sqlite') {
        await sql
          .raw(
            `insert into statistics_contacts (${columnList}) select ${sqliteValues('records')}
             from records where entity = 'contact' and deleted = 0`,
          )
          .execute(db);
        await sql
          .raw(
            `create trigger statistics_contacts_insert after insert on records
             when new.entity = 'contact' and new.deleted = 0
             begin
               insert or replace into statistics_contacts (${columnList})
               values (${sqliteValues('new')});
             end`,
          )
          .execute(db);
        await sql
          .raw(
            `create trigger statistics_contacts_update after update on records
             when new.entity = 'contact' or old.entity = 'contact'
             begin
               delete from statistics_contacts where id = old.id and old.entity = 'contact';
               insert or replace into statistics_contacts (${columnList})
               select ${sqliteValues('new')} where new.entity = 'contact' and new.deleted = 0;
             end`,
          )
          .execute(db);
        await sql
          .raw(
            `create trigger statistics_contacts_delete after delete on records
             when old.entity = 'contact'
             begin
               delete from statistics_contacts where id = old.id;
             end`,
          )
          .execute(db);
      } else {
        await sql
          .raw(
            `insert into statistics_contacts (${columnList}) select ${pgValues('records')}
             from records cross join lateral ${PG_FIELDS.replace('%DATA%', 'records.data')}
             where records.entity = 'contact' and records.deleted = 0`,
          )
          .execute(db);
        await sql.raw(PG_COPY_FUNCTION).execute(db);
        for (const [name, when] of [
          ['insert', `after insert on records for each row when (new.entity = 'contact')`],
          [
            'update',
            `after update on records for each row
             when (new.entity = 'contact' or old.entity = 'contact')`,
          ],
          ['delete', `after delete on records for each row when (old.entity = 'contact')`],
        ] as const)
          await sql
            .raw(
              `create trigger statistics_contacts_${name} ${when}
               execute function statistics_contacts_copy()`,
            )
            .execute(db);
      }
      for (const index of STATISTICS_INDEXES.filter((i) => i.entity === 'contact'))
        await sql.raw(`drop index ${index.name}`).execute(db);
    },
    async down(db: Kysely<unknown>) {
      // 0005's two contact indexes again, with its very expressions.
      for (const index of STATISTICS_INDEXES.filter((i) => i.entity === 'contact'))
        await sql.raw(statisticsIndexSql(dialect, index)).execute(db);
      for (const name of ['insert', 'update', 'delete'])
        await sql
          .raw(
            dialect === 'sqlite'
              ? `drop trigger statistics_contacts_${name}`
              : `drop trigger statistics_contacts_${name} on records`,
          )
          .execute(db);
      if (dialect === 'postgres')
        await sql.raw('drop function statistics_contacts_copy').execute(db);
      await db.schema.dropTable('statistics_contacts').execute();
    },
  };
}
