/** The encrypted local store: unlock, lock, auto-lock, logout refusal, revoked device. */
export const da = {
  'vault.unlock.title': 'Lås Fremskudt op',
  'vault.unlock.intro':
    'Dine data på enheden er krypteret. Skriv din adgangskode for at låse op – det virker også uden net.',
  'vault.unlock.profile': 'Bruger',
  'vault.unlock.password': 'Adgangskode',
  'vault.unlock.submit': 'Lås op',
  'vault.unlock.busy': 'Låser op …',
  'vault.unlock.required': 'Skriv din adgangskode.',
  'vault.unlock.wrong': 'Forkert adgangskode. Intet er åbnet – prøv igen.',
  'vault.unlock.failed': 'Kunne ikke låse op ({code}). Prøv igen.',
  'vault.unlock.otherUser': 'Log ind som en anden',
  'vault.unlock.backToUnlock': 'Tilbage til at låse op',
  'vault.reason.manual': 'Fremskudt er låst.',
  'vault.reason.idle': 'Fremskudt blev låst, fordi enheden ikke har været brugt i et stykke tid.',
  'vault.reason.other-tab': 'Fremskudt blev låst i et andet vindue.',
  'vault.reason.revoked':
    'Denne enhed er spærret af en administrator. Dine data er slettet fra enheden. Kontakt din leder.',
  'vault.reason.signed-out': 'Du er logget ud, og dine data er slettet fra enheden.',
  'vault.reason.pin-wiped':
    'Der blev tastet forkert PIN for mange gange, så dine data er slettet fra denne enhed. Log ind med kommunens login for at hente dem igen fra serveren.',
  'vault.unlock.pin': 'PIN eller adgangssætning',
  'vault.unlock.pinRequired': 'Skriv din PIN.',
  'vault.unlock.pinWrong': 'Forkert PIN. Intet er åbnet – prøv igen.',
  'vault.unlock.pinWarning':
    'Forkert PIN. {remaining} forsøg tilbage; derefter slettes data på denne enhed, også {unsent} ændringer der ikke er sendt.',
  'vault.unlock.forgotPin': 'Glemt PIN? Log ind med kommunens login',
  'vault.pin.title': 'Vælg en PIN til denne enhed',
  'vault.pin.intro':
    'Du er logget ind med kommunens login. Vælg en PIN på mindst 6 cifre eller en adgangssætning på mindst 8 tegn. Med den låser du Fremskudt op på denne enhed – også uden net.',
  'vault.pin.label': 'PIN eller adgangssætning',
  'vault.pin.repeat': 'Gentag PIN eller adgangssætning',
  'vault.pin.submit': 'Gem PIN',
  'vault.pin.busy': 'Gemmer …',
  'vault.pin.tooShort': 'For kort: mindst 6 cifre, eller mindst 8 tegn hvis der er andet end tal.',
  'vault.pin.mismatch': 'De to felter er ikke ens.',
  'vault.pin.failed': 'PIN kunne ikke gemmes ({code}). Prøv igen.',
  'vault.lock': 'Lås',
  'vault.lock.label': 'Lås Fremskudt nu',
  'vault.searchPreparing': 'Søgning klar om lidt … ({done} af {total})',
  'vault.autoLock.heading': 'Automatisk låsning',
  'vault.autoLock.label': 'Lås efter (minutter uden brug)',
  'vault.autoLock.hint': 'Fremskudt låses, når du ikke har rørt enheden i så mange minutter.',
  'vault.autoLock.saved': 'Gemt.',
  'vault.logout.unsent.one':
    '{count} ændring er endnu ikke sendt til serveren, så du kan ikke logge ud. Synkronisér først – gå online og tryk "Synkroniser nu" – og ret eventuelle afviste ændringer under "Til behandling".',
  'vault.logout.unsent.other':
    '{count} ændringer er endnu ikke sendt til serveren, så du kan ikke logge ud. Synkronisér først – gå online og tryk "Synkroniser nu" – og ret eventuelle afviste ændringer under "Til behandling".',
  'vault.relogin.intro':
    'Din session er udløbet. Log ind igen med net for at synkronisere – dine ændringer er gemt på enheden.',
} as const;

export const en = {
  'vault.unlock.title': 'Unlock Fremskudt',
  'vault.unlock.intro':
    'Your data on this device is encrypted. Type your password to unlock – this works offline too.',
  'vault.unlock.profile': 'User',
  'vault.unlock.password': 'Password',
  'vault.unlock.submit': 'Unlock',
  'vault.unlock.busy': 'Unlocking …',
  'vault.unlock.required': 'Type your password.',
  'vault.unlock.wrong': 'Wrong password. Nothing was opened – try again.',
  'vault.unlock.failed': 'Could not unlock ({code}). Try again.',
  'vault.unlock.otherUser': 'Log in as someone else',
  'vault.unlock.backToUnlock': 'Back to unlocking',
  'vault.reason.manual': 'Fremskudt is locked.',
  'vault.reason.idle': 'Fremskudt was locked because the device has not been used for a while.',
  'vault.reason.other-tab': 'Fremskudt was locked in another window.',
  'vault.reason.revoked':
    'This device was blocked by an administrator. Your data was deleted from it. Contact your lead.',
  'vault.reason.signed-out': 'You are logged out and your data was deleted from this device.',
  'vault.reason.pin-wiped':
    'A wrong PIN was typed too many times, so your data was deleted from this device. Log in with the municipality login to fetch it again from the server.',
  'vault.unlock.pin': 'PIN or passphrase',
  'vault.unlock.pinRequired': 'Type your PIN.',
  'vault.unlock.pinWrong': 'Wrong PIN. Nothing was opened – try again.',
  'vault.unlock.pinWarning':
    'Wrong PIN. {remaining} tries left; then the data on this device is deleted, including {unsent} changes not yet sent.',
  'vault.unlock.forgotPin': 'Forgot your PIN? Log in with the municipality login',
  'vault.pin.title': 'Choose a PIN for this device',
  'vault.pin.intro':
    'You are logged in with the municipality login. Choose a PIN of at least 6 digits or a passphrase of at least 8 characters. It unlocks Fremskudt on this device – also without a network.',
  'vault.pin.label': 'PIN or passphrase',
  'vault.pin.repeat': 'Repeat PIN or passphrase',
  'vault.pin.submit': 'Save PIN',
  'vault.pin.busy': 'Saving …',
  'vault.pin.tooShort':
    'Too short: at least 6 digits, or at least 8 characters if not only digits.',
  'vault.pin.mismatch': 'The two fields differ.',
  'vault.pin.failed': 'The PIN could not be saved ({code}). Try again.',
  'vault.lock': 'Lock',
  'vault.lock.label': 'Lock Fremskudt now',
  'vault.searchPreparing': 'Search ready in a moment … ({done} of {total})',
  'vault.autoLock.heading': 'Automatic lock',
  'vault.autoLock.label': 'Lock after (minutes without use)',
  'vault.autoLock.hint':
    'Fremskudt locks when you have not touched the device for this many minutes.',
  'vault.autoLock.saved': 'Saved.',
  'vault.logout.unsent.one':
    '{count} change has not been sent to the server yet, so you cannot log out. Synchronize first – go online and press "Synchronize now" – and fix any refused changes under "Needs attention".',
  'vault.logout.unsent.other':
    '{count} changes have not been sent to the server yet, so you cannot log out. Synchronize first – go online and press "Synchronize now" – and fix any refused changes under "Needs attention".',
  'vault.relogin.intro':
    'Your session has expired. Log in again with a network to synchronize – your changes are saved on this device.',
} as const satisfies Record<keyof typeof da, string>;
