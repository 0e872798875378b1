/** The app shell: navigation, skip link, error boundary, shared labels for the UI engineer's screens. */
export const da = {
  'shell.skipToContent': 'Gå til indhold',
  'shell.nav.label': 'Hovedmenu',
  'shell.nav.today': 'I dag',
  'shell.nav.citizens': 'Borgere',
  'shell.nav.visits': 'Besøg',
  'shell.nav.followUps': 'Opfølgning',
  'shell.nav.locations': 'Steder',
  'shell.nav.settings': 'Indstillinger',
  'shell.nav.statistics': 'Statistik',
  'shell.notFound.title': 'Siden findes ikke',
  'shell.notFound.body': 'Adressen findes ikke i Fremskudt.',
  'shell.notFound.home': 'Gå til I dag',
  'shell.crash.title': 'Noget gik galt',
  'shell.crash.body':
    'Fremskudt stødte på en uventet fejl. Det du har gemt, og kladder der er gemt lokalt, er ikke tabt.',
  'shell.crash.reload': 'Genindlæs appen',
  'shell.noTeam.heading': 'Du er ikke tilknyttet et team endnu',
  'shell.noTeam.body':
    'Du er logget ind som {username}, men ser ingen borgere eller sager, før en teamleder har tilføjet dig til et team. Bed din teamleder om det.',
  'shell.noTeam.check': 'Tjek igen',
  'shell.noTeam.still': 'Du er stadig ikke tilknyttet et team.',
  'shell.noTeam.offline': 'Kunne ikke tjekke: enheden er offline eller serveren svarer ikke.',
  'shell.noTeam.logout': 'Log ud',
  'shell.loading': 'Åbner Fremskudt …',
  'shell.you': 'dig',
  'error.storage-full':
    'Enheden er fuld – dine ændringer er IKKE gemt. Frigør plads på enheden (slet fx gamle filer eller billeder), og prøv igen. Din tekst står stadig i formularen.',
  'error.storage-failed':
    'Ændringen kunne ikke gemmes på enheden ({message}). Din tekst står stadig i formularen – prøv igen.',
  'error.invalid-fields': 'Nogle felter er ikke udfyldt korrekt. Ret dem og prøv igen.',
  'error.not-found': 'Posten findes ikke længere på enheden.',
  'error.note-final-immutable': 'Et endeligt notat kan ikke ændres. Skriv en rettelse i stedet.',
  'error.unknown': 'Der skete en uventet fejl: {message}',
  'error.notReady': 'Appen er ikke klar til at gemme endnu. Prøv igen om et øjeblik.',
} as const;

export const en = {
  'shell.skipToContent': 'Skip to content',
  'shell.nav.label': 'Main menu',
  'shell.nav.today': 'Today',
  'shell.nav.citizens': 'Citizens',
  'shell.nav.visits': 'Visits',
  'shell.nav.followUps': 'Follow-ups',
  'shell.nav.locations': 'Locations',
  'shell.nav.settings': 'Settings',
  'shell.nav.statistics': 'Statistics',
  'shell.notFound.title': 'Page not found',
  'shell.notFound.body': 'This address does not exist in Fremskudt.',
  'shell.notFound.home': 'Go to Today',
  'shell.crash.title': 'Something went wrong',
  'shell.crash.body':
    'Fremskudt hit an unexpected error. What you saved, and drafts saved on this device, are not lost.',
  'shell.crash.reload': 'Reload the app',
  'shell.noTeam.heading': 'You are not on a team yet',
  'shell.noTeam.body':
    'You are signed in as {username}, but you see no citizens or cases until a team lead adds you to a team. Ask your team lead to do so.',
  'shell.noTeam.check': 'Check again',
  'shell.noTeam.still': 'You are still not on a team.',
  'shell.noTeam.offline': 'Could not check: the device is offline or the server does not answer.',
  'shell.noTeam.logout': 'Log out',
  'shell.loading': 'Opening Fremskudt …',
  'shell.you': 'you',
  'error.storage-full':
    'The device is full – your changes are NOT saved. Free up space on the device (e.g. delete old files or photos) and try again. Your text is still in the form.',
  'error.storage-failed':
    'The change could not be saved on the device ({message}). Your text is still in the form – try again.',
  'error.invalid-fields': 'Some fields are not filled in correctly. Correct them and try again.',
  'error.not-found': 'The record no longer exists on this device.',
  'error.note-final-immutable': 'A final note cannot be changed. Write a correction instead.',
  'error.unknown': 'An unexpected error occurred: {message}',
  'error.notReady': 'The app is not ready to save yet. Try again in a moment.',
} as const satisfies Record<keyof typeof da, string>;
