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
  'settings.rescue.heading': 'Gem ventende ændringer som fil',
  'settings.rescue.explain':
    'Bruges når enheden ikke kan synkronisere i længere tid. Filen låses med en adgangssætning, du selv vælger. Giv filen til en administrator, og fortæl adgangssætningen på en anden måde (fx telefon). Ændringerne bliver også på enheden og sendes som normalt, hvis forbindelsen kommer igen; de kommer kun med én gang.',
  'settings.rescue.count.one': '{count} ventende ændring på enheden',
  'settings.rescue.count.other': '{count} ventende ændringer på enheden',
  'settings.rescue.passphrase': 'Adgangssætning til filen',
  'settings.rescue.passphraseHint': 'Mindst {min} tegn. Skriv den ikke på filen eller i en e-mail.',
  'settings.rescue.repeat': 'Gentag adgangssætningen',
  'settings.rescue.save': 'Gem ventende ændringer som fil',
  'settings.rescue.saved.one': 'Filen er gemt med {count} ændring.',
  'settings.rescue.saved.other': 'Filen er gemt med {count} ændringer.',
  'settings.rescue.tooShort': 'Adgangssætningen skal have mindst {min} tegn.',
  'settings.rescue.mismatch': 'De to adgangssætninger er ikke ens.',
  'settings.rescue.failed': 'Filen kunne ikke gemmes: {message}',
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
  'settings.rescue.heading': 'Save waiting changes as a file',
  'settings.rescue.explain':
    'For when this device cannot sync for a long time. The file is locked with a passphrase you choose. Give the file to an administrator and tell them the passphrase another way (e.g. by phone). The changes also stay on the device and are sent as usual if the connection returns; they arrive only once.',
  'settings.rescue.count.one': '{count} waiting change on this device',
  'settings.rescue.count.other': '{count} waiting changes on this device',
  'settings.rescue.passphrase': 'Passphrase for the file',
  'settings.rescue.passphraseHint':
    'At least {min} characters. Do not write it on the file or in an email.',
  'settings.rescue.repeat': 'Repeat the passphrase',
  'settings.rescue.save': 'Save waiting changes as a file',
  'settings.rescue.saved.one': 'The file was saved with {count} change.',
  'settings.rescue.saved.other': 'The file was saved with {count} changes.',
  'settings.rescue.tooShort': 'The passphrase needs at least {min} characters.',
  'settings.rescue.mismatch': 'The two passphrases differ.',
  'settings.rescue.failed': 'The file could not be saved: {message}',
} as const satisfies Record<keyof typeof da, string>;
