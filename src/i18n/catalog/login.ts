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
  'login.sso.error.groups':
    'Dine grupper i kommunens login kunne ikke læses, så dine teams kan ikke afgøres. Kontakt IT-afdelingen.',
  'login.sso.error.expired': 'Login med kommunens login udløb, før det blev hentet. Prøv igen.',
  'login.change.heading': 'Vælg din egen adgangskode',
  'login.change.intro':
    'Du er logget ind med en midlertidig adgangskode. Vælg en ny, som kun du kender, før du fortsætter.',
  'login.change.new': 'Ny adgangskode',
  'login.change.newHint': 'Mindst 8 tegn, og ikke den midlertidige.',
  'login.change.repeat': 'Gentag ny adgangskode',
  'login.change.submit': 'Skift adgangskode og log ind',
  'login.change.busy': 'Skifter adgangskode …',
  'login.change.tooShort': 'Den nye adgangskode skal være på mindst 8 tegn.',
  'login.change.same': 'Den nye adgangskode skal være en anden end den midlertidige.',
  'login.change.mismatch': 'De to adgangskoder er ikke ens.',
  // The statement's link shows on the login and unlock screens, so it is a first-screen message.
  'a11y.link': 'Tilgængelighedserklæring',
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
  'login.sso.error.groups':
    'Your groups in the municipality login could not be read, so your teams cannot be decided. Contact IT.',
  'login.sso.error.expired': 'The municipality login expired before it was collected. Try again.',
  'login.change.heading': 'Choose your own password',
  'login.change.intro':
    'You signed in with a temporary password. Choose a new one only you know before you continue.',
  'login.change.new': 'New password',
  'login.change.newHint': 'At least 8 characters, and not the temporary one.',
  'login.change.repeat': 'Repeat new password',
  'login.change.submit': 'Change password and sign in',
  'login.change.busy': 'Changing password …',
  'login.change.tooShort': 'The new password must be at least 8 characters.',
  'login.change.same': 'The new password must differ from the temporary one.',
  'login.change.mismatch': 'The two passwords differ.',
  'a11y.link': 'Accessibility statement',
} as const satisfies Record<keyof typeof da, string>;
