export const da = {
  'login.title': 'Log ind',
  'login.intro':
    'Log ind med din bruger. Første gang kræver net – derefter virker Fremskudt også uden.',
  'login.username': 'Brugernavn',
  'login.password': 'Adgangskode',
  'login.submit': 'Log ind',
  'login.busy': 'Logger ind …',
  'login.required': 'Udfyld både brugernavn og adgangskode.',
  'login.error.wrong': 'Forkert brugernavn eller adgangskode.',
  'login.error.network':
    'Ingen forbindelse til serveren. Første login kræver net – prøv igen, når enheden er online.',
  'login.error.rateLimited': 'For mange forsøg. Vent et øjeblik og prøv igen.',
  'login.error.outdated': 'Appen er for gammel. Genindlæs siden for at hente den nyeste version.',
  'login.error.other': 'Login mislykkedes ({code}). Prøv igen.',
  'login.sso': 'Log ind med kommunens login',
  'login.sso.busy': 'Henter dit login …',
  'login.sso.or': 'Eller med brugernavn og adgangskode:',
  'login.sso.providerLogout': 'Log også ud af kommunens login på denne enhed',
  'login.sso.error.failed': 'Login med kommunens login mislykkedes. Prøv igen.',
  'login.sso.error.unknown-user':
    'Din kommune-konto er ikke oprettet i Fremskudt. Kontakt din teamleder.',
  'login.sso.error.expired': 'Login med kommunens login udløb, før det blev hentet. Prøv igen.',
} as const;

export const en = {
  'login.title': 'Log in',
  'login.intro':
    'Log in with your user. The first time needs a network – after that Fremskudt works without.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.busy': 'Logging in …',
  'login.required': 'Fill in both username and password.',
  'login.error.wrong': 'Wrong username or password.',
  'login.error.network':
    'No connection to the server. The first login needs a network – try again when the device is online.',
  'login.error.rateLimited': 'Too many attempts. Wait a moment and try again.',
  'login.error.outdated': 'The app is too old. Reload the page to get the newest version.',
  'login.error.other': 'Login failed ({code}). Try again.',
  'login.sso': 'Log in with the municipality login',
  'login.sso.busy': 'Fetching your login …',
  'login.sso.or': 'Or with username and password:',
  'login.sso.providerLogout': 'Also log out of the municipality login on this device',
  'login.sso.error.failed': 'Login with the municipality login failed. Try again.',
  'login.sso.error.unknown-user':
    'Your municipality account is not set up in Fremskudt. Contact your team lead.',
  'login.sso.error.expired': 'The municipality login expired before it was collected. Try again.',
} as const satisfies Record<keyof typeof da, string>;
