/** The accessibility statement (tilgængelighedserklæring), reachable without login and offline. */
export const da = {
  'a11y.title': 'Tilgængelighedserklæring',
  'a11y.back': 'Tilbage til Fremskudt',
  'a11y.intro':
    'Kommunen, der bruger Fremskudt, ønsker, at alle medarbejdere kan bruge appen. Erklæringen gælder Fremskudt (denne app) og beskriver, hvordan den lever op til lov om tilgængelighed af offentlige organers websteder og mobilapplikationer og standarden WCAG 2.1 niveau AA.',
  'a11y.status.heading': 'Overensstemmelsesstatus',
  'a11y.status.body':
    'Fremskudt er delvist i overensstemmelse med WCAG 2.1 niveau AA. Det skyldes de mangler, der er beskrevet nedenfor.',
  'a11y.gaps.heading': 'Indhold, der ikke er tilgængeligt',
  'a11y.gaps.screenReaders':
    'Appen er ikke testet af brugere med skærmlæser (fx JAWS, NVDA eller VoiceOver). Vi har kontrolleret, hvad skærmlæsere får at vide, via browserens tilgængelighedstræ, men ikke med selve programmerne.',
  'a11y.gaps.users': 'Appen er ikke testet sammen med brugere med handicap.',
  'a11y.method.heading': 'Sådan har vi testet',
  'a11y.method.axe':
    'Automatisk test med axe-core i Chromium af alle hovedsider mod WCAG 2.1 A og AA, hver gang appen ændres.',
  'a11y.method.keyboard':
    'Test kun med tastatur: login, navigation mellem siderne, "Gå til indhold" og et besøg med kontakter, på en bærbar (1280×800) og en tablet (820×1180).',
  'a11y.method.tree':
    'Kontrol af skærmlæser-annonceringer via tilgængelighedstræet: roller, navne, overskrifter, statusbeskeder og fejlbeskeder, på dansk og engelsk.',
  'a11y.date.heading': 'Dato',
  'a11y.date.body': 'Erklæringen er udarbejdet {date} og senest gennemgået {date}.',
  'a11y.feedback.heading': 'Feedback og kontakt',
  'a11y.feedback.body':
    'Oplever du problemer med tilgængeligheden, så kontakt din leder eller kommunens administrator af Fremskudt. Beskriv hvilken side og hvad der ikke virker; vi svarer hurtigst muligt.',
  'a11y.complain.heading': 'Klage',
  'a11y.complain.body':
    'Er du ikke tilfreds med svaret, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med offentlige myndigheders tilgængelighed.',
  'a11y.complain.link': 'Klag til Digitaliseringsstyrelsen (digst.dk)',
} as const;

export const en = {
  'a11y.title': 'Accessibility statement',
  'a11y.back': 'Back to Fremskudt',
  'a11y.intro':
    'The municipality using Fremskudt wants every member of staff to be able to use the app. This statement covers Fremskudt (this app) and describes how it meets the Danish act on the accessibility of public sector websites and mobile applications and the WCAG 2.1 level AA standard.',
  'a11y.status.heading': 'Compliance status',
  'a11y.status.body':
    'Fremskudt is partially compliant with WCAG 2.1 level AA, because of the shortcomings listed below.',
  'a11y.gaps.heading': 'Content that is not accessible',
  'a11y.gaps.screenReaders':
    'The app has not been tested by screen reader users (e.g. JAWS, NVDA or VoiceOver). We checked what screen readers are told through the browser’s accessibility tree, but not with the programs themselves.',
  'a11y.gaps.users': 'The app has not been tested together with users with disabilities.',
  'a11y.method.heading': 'How we tested',
  'a11y.method.axe':
    'Automated tests with axe-core in Chromium of every main page against WCAG 2.1 A and AA, on every change to the app.',
  'a11y.method.keyboard':
    'Keyboard-only tests: login, moving between pages, "Skip to content" and a visit with contacts, on a laptop (1280×800) and a tablet (820×1180).',
  'a11y.method.tree':
    'Checks of screen reader announcements through the accessibility tree: roles, names, headings, status messages and error messages, in Danish and English.',
  'a11y.date.heading': 'Date',
  'a11y.date.body': 'This statement was prepared on {date} and last reviewed on {date}.',
  'a11y.feedback.heading': 'Feedback and contact',
  'a11y.feedback.body':
    'If you have problems with accessibility, contact your manager or the municipality’s Fremskudt administrator. Describe which page and what does not work; we answer as soon as we can.',
  'a11y.complain.heading': 'Complaints',
  'a11y.complain.body':
    'If you are not satisfied with the answer, you can complain to the Danish Agency for Digital Government (Digitaliseringsstyrelsen), which supervises the accessibility of public bodies.',
  'a11y.complain.link': 'Complain to the Agency for Digital Government (digst.dk)',
} as const satisfies Record<keyof typeof da, string>;
