/** Settings: language, user, storage, log out. */
export const da = {
  'settings.title': 'Indstillinger',
  'settings.language': 'Sprog',
  'settings.language.da': 'Dansk',
  'settings.language.en': 'English',
  'settings.user': 'Du er logget ind som',
  'settings.userLine': '{name} ({username})',
  'settings.team': 'Team: {team}',
  'settings.teams': 'Dine teams:',
  'settings.defaultTeam':
    'Nye borgere og andre nye registreringer gemmes i {team}, medmindre du vælger et andet team (når du opretter en borger). Kontakter, sager og notater følger borgerens team.',
  'settings.logout': 'Log ud',
  'settings.logout.heading': 'Log ud',
  'settings.logout.explain':
    'Når du logger ud, slettes alle data fra Fremskudt på denne enhed. Du skal have net for at logge ind igen.',
  'settings.logout.pendingWarning':
    'Advarsel: {count} ændringer er endnu ikke sendt til serveren. Logger du ud nu, går de tabt. Vent til de er sendt, hvis du kan.',
  'settings.logout.confirmQuestion': 'Vil du logge ud og slette data på enheden?',
  'settings.logout.confirm': 'Ja, log ud og slet data på enheden',
  'settings.logout.failed': 'Kunne ikke logge ud: {message}',
} as const;

export const en = {
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.language.da': 'Dansk',
  'settings.language.en': 'English',
  'settings.user': 'You are logged in as',
  'settings.userLine': '{name} ({username})',
  'settings.team': 'Team: {team}',
  'settings.teams': 'Your teams:',
  'settings.defaultTeam':
    'New citizens and other new records are saved in {team} unless you choose another team (when you create a citizen). Contacts, cases and notes follow the citizen’s team.',
  'settings.logout': 'Log out',
  'settings.logout.heading': 'Log out',
  'settings.logout.explain':
    'When you log out, all Fremskudt data on this device is deleted. You need a network to log in again.',
  'settings.logout.pendingWarning':
    'Warning: {count} changes have not been sent to the server yet. If you log out now they are lost. Wait until they are sent if you can.',
  'settings.logout.confirmQuestion': 'Do you want to log out and delete the data on this device?',
  'settings.logout.confirm': 'Yes, log out and delete the data on this device',
  'settings.logout.failed': 'Could not log out: {message}',
} as const satisfies Record<keyof typeof da, string>;
