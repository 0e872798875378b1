/**
 * Bumped when the wire format changes incompatibly. The server refuses other versions with
 * `protocol-outdated` (HTTP 426) so an old client is told to update instead of writing data it
 * does not understand.
 */
export const PROTOCOL_VERSION = 1;
/**
 * Bumped when an entity's shape changes incompatibly (domain/), and when an entity is added: a
 * client parses every pulled change's `entity` against its own list (`EntityNameSchema`), so a
 * page holding an entity it does not know fails validation and its sync would stall on it.
 * History (docs/sync-protocol.md, section 3): 1 the first release; 2 `handoverMark` added.
 */
export const SCHEMA_VERSION = 2;

export const PROTOCOL_HEADER = 'x-fremskudt-protocol';
export const SCHEMA_HEADER = 'x-fremskudt-schema';

/** Limits (invariant 4). */
export const MAX_MUTATIONS_PER_PUSH = 200;
export const MAX_PUSH_BYTES = 1_000_000;
export const MAX_PULL_LIMIT = 1_000;
/**
 * Full pages: each page costs a request, an audit entry and an IndexedDB transaction, and pages of
 * 500 made a first sync of 100,000 records about 10 % slower (bench/README.md, row 2).
 */
export const DEFAULT_PULL_LIMIT = 1_000;
/**
 * A pull page ends early, with `hasMore`, once its records' JSON passes this many bytes (UTF-8;
 * a page always holds at least one change): what a page costs a tablet in memory follows the
 * bytes, and a page of long notes (up to LONG_TEXT_MAX characters each) would otherwise be tens
 * of megabytes.
 */
export const MAX_PULL_PAGE_BYTES = 4_000_000;
/**
 * Nesting of arrays and objects in a request body. The app's deepest body (a push of a citizen's
 * consents) is about 6 levels; deeper bodies are refused with 400 before they are parsed.
 */
export const MAX_JSON_DEPTH = 64;
