/** Words used across screens. Danish is the source; English must have the same keys. */
export const da = {
  'app.name': 'Fremskudt',
  'common.save': 'Gem',
  'common.cancel': 'Annuller',
  'common.edit': 'Rediger',
  'common.delete': 'Slet',
  'common.close': 'Luk',
  'common.back': 'Tilbage',
  'common.loading': 'Henter …',
  'common.none': 'Ingen',
  'common.error': 'Der skete en fejl: {message}',
  'common.language': 'Sprog',
} as const;

export const en = {
  'app.name': 'Fremskudt',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.close': 'Close',
  'common.back': 'Back',
  'common.loading': 'Loading …',
  'common.none': 'None',
  'common.error': 'Something went wrong: {message}',
  'common.language': 'Language',
} as const satisfies Record<keyof typeof da, string>;
