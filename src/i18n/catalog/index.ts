import * as common from './common';
import * as pwa from './pwa';
import * as sync from './sync';
import * as shell from './shell';
import * as login from './login';
import * as today from './today';
import * as citizens from './citizens';
import * as cases from './cases';
import * as notes from './notes';
import * as visits from './visits';
import * as locations from './locations';
import * as followups from './followups';
import * as settings from './settings';
import * as admin from './admin';
import * as vault from './vault';
import * as accessibility from './accessibility';
import * as print from './print';

/**
 * The message catalog, one file per area (add yours here). Danish is the source of truth for
 * the keys; each area's English object is checked against its Danish one.
 */
export const catalogs = {
  da: {
    ...shell.da,
    ...login.da,
    ...today.da,
    ...citizens.da,
    ...cases.da,
    ...notes.da,
    ...visits.da,
    ...locations.da,
    ...followups.da,
    ...settings.da,
    ...vault.da,
    ...common.da,
    ...pwa.da,
    ...sync.da,
    ...admin.da,
    ...accessibility.da,
    ...print.da,
  },
  en: {
    ...shell.en,
    ...login.en,
    ...today.en,
    ...citizens.en,
    ...cases.en,
    ...notes.en,
    ...visits.en,
    ...locations.en,
    ...followups.en,
    ...settings.en,
    ...vault.en,
    ...common.en,
    ...pwa.en,
    ...sync.en,
    ...admin.en,
    ...accessibility.en,
    ...print.en,
  },
};

export type MessageKey = keyof typeof catalogs.da;
