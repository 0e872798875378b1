import * as common from './common';

/**
 * The message catalog, one file per area (add yours here). Danish is the source of truth for
 * the keys; each area's English object is checked against its Danish one.
 */
export const catalogs = {
  da: { ...common.da },
  en: { ...common.en },
};

export type MessageKey = keyof typeof catalogs.da;
