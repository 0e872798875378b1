/** App updates and storage (src/features/pwa). Danish is the source; English has the same keys. */
export const da = {
  'pwa.update.available': 'Ny version klar',
  'pwa.update.reload': 'Ny version klar — genindlæs',
  'pwa.update.applying': 'Indlæser den nye version …',
  'pwa.update.noteInProgress':
    'Du er i gang med et notat. Gem det først — kladden er gemt på enheden, men de sidste sekunders skrivning kan mangle.',
  'pwa.update.reloadAnyway': 'Genindlæs alligevel',
  'pwa.update.later': 'Senere',
  'pwa.offline.preparing':
    'Gør appen klar til brug uden net … Hold forbindelsen, til det er færdigt.',
  'pwa.offline.ready': 'Klar til brug uden net',
  'pwa.storage.heading': 'Lagring på enheden',
  'pwa.storage.usage': '{used} af {quota}',
  'pwa.storage.usageUnknown': 'Pladsforbrug ukendt',
  'pwa.storage.persisted': 'Data gemmes varigt',
  'pwa.storage.notPersisted': 'Browseren kan rydde data ved pladsmangel',
  'pwa.storage.persistUnknown': 'Lagring undersøges …',
  'pwa.storage.persistUnsupported': 'Browseren kan ikke love varig lagring',
  'pwa.storage.requestPersist': 'Bed om varig lagring',
  'pwa.storage.nearlyFull': 'Enheden er næsten fuld: {used} af {quota} brugt.',
  'pwa.storage.full':
    'Enheden har ikke mere plads, så ændringen blev ikke gemt. Synkroniser og frigør plads på enheden, og prøv igen.',
  'pwa.storage.dismiss': 'Luk besked',
  'pwa.storage.usageLine': 'Lagring på enheden: {usage}',
  'pwa.storage.notPersistedAdvice':
    'Browseren har ikke lovet at gemme appens data varigt, så den kan rydde dem, hvis enheden løber tør for plads. Synkroniser ofte, så intet kun ligger her, og installér appen eller bed om varig lagring herunder.',
  'pwa.storage.nearlyFullAdvice': 'Synkroniser, og frigør plads på enheden.',
  'pwa.storage.nearlyFullNotPersisted':
    'Synkroniser nu: browseren kan rydde data, der kun ligger her, når pladsen slipper op. Frigør plads på enheden.',
} as const;

export const en = {
  'pwa.update.available': 'New version ready',
  'pwa.update.reload': 'New version ready — reload',
  'pwa.update.applying': 'Loading the new version …',
  'pwa.update.noteInProgress':
    'You are writing a note. Save it first — the draft is kept on this device, but the last seconds of typing may be missing.',
  'pwa.update.reloadAnyway': 'Reload anyway',
  'pwa.update.later': 'Later',
  'pwa.offline.preparing':
    'Getting the app ready for use offline … Stay connected until it is done.',
  'pwa.offline.ready': 'Ready for use offline',
  'pwa.storage.heading': 'Storage on this device',
  'pwa.storage.usage': '{used} of {quota}',
  'pwa.storage.usageUnknown': 'Usage unknown',
  'pwa.storage.persisted': 'Data is stored persistently',
  'pwa.storage.notPersisted': 'The browser may clear data when space runs low',
  'pwa.storage.persistUnknown': 'Checking storage …',
  'pwa.storage.persistUnsupported': 'The browser cannot promise persistent storage',
  'pwa.storage.requestPersist': 'Ask for persistent storage',
  'pwa.storage.nearlyFull': 'This device is nearly full: {used} of {quota} used.',
  'pwa.storage.full':
    'This device has no space left, so the change was not saved. Sync, free up space on the device and try again.',
  'pwa.storage.dismiss': 'Dismiss message',
  'pwa.storage.usageLine': 'Storage on this device: {usage}',
  'pwa.storage.notPersistedAdvice':
    'The browser has not promised to keep the app’s data, so it may clear it if the device runs out of space. Sync often so nothing is only here, and install the app or ask for persistent storage below.',
  'pwa.storage.nearlyFullAdvice': 'Sync, and free up space on the device.',
  'pwa.storage.nearlyFullNotPersisted':
    'Sync now: the browser may clear data that is only here when space runs out. Free up space on the device.',
} as const satisfies Record<keyof typeof da, string>;
