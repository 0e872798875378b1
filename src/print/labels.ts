/**
 * The printed labels' names. Kept apart from the PDF modules, which load pdf-lib: a screen that
 * builds the labels must not pull the PDF library into its own chunk.
 */
export const PRINT_LABELS = [
  'title',
  'page',
  'printedBy',
  'details',
  'ownGoals',
  'lifeStory',
  'phone',
  'cpr',
  'consents',
  'expires',
  'withdrawn',
  'cases',
  'journal',
  'correction',
  'contacts',
  'followUps',
  'done',
  'none',
  'period',
  'draft',
] as const;
export type PrintLabel = (typeof PRINT_LABELS)[number];

/** The access request's own printed texts (the file's labels are the citizen's file's). */
export const ACCESS_REQUEST_LABELS = [
  'title',
  'about',
  'requestedBy',
  'shown',
  'historyInJson',
  'unreadable',
  'omitted',
  'omittedNone',
  'omittedLine',
  'reason.other-team',
  'reason.deleted',
  'handover',
  'handoverLine',
  'accessLog',
  'accessLogLine',
] as const;
export type AccessRequestLabel = (typeof ACCESS_REQUEST_LABELS)[number];
