import * as common from './common';
import * as login from './login';
import * as shell from './shell';
import * as vault from './vault';

/**
 * The messages of what shows before the signed-in app's chunk has loaded: the unlock and login
 * screens, the loading and crash notices. The whole catalog comes with the signed-in app.
 */
export const firstScreenCatalogs = {
  da: { ...shell.da, ...login.da, ...vault.da, ...common.da },
  en: { ...shell.en, ...login.en, ...vault.en, ...common.en },
};
