/**
 * Set by "Glemt PIN?" before the browser leaves for the provider: ask for a new PIN after. In a
 * module of its own, so the unlock screen (first load) does not carry the sign-in code with it.
 */
export const NEW_PIN_FLAG = 'fremskudt-sso-new-pin';
