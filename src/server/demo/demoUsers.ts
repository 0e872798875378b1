/** Fictional demo teams and caseworkers (team brief). Password for all: `demo`. */
export const DEMO_PASSWORD = 'demo';

export const DEMO_TEAMS = [
  { id: 'odense-syd', name: 'Fremskudt team Syd' },
  { id: 'odense-nord', name: 'Fremskudt team Nord' },
] as const;

export const DEMO_USERS = [
  { id: 'mette', username: 'mette', name: 'Mette Sørensen', teamId: 'odense-syd', role: 'lead' },
  {
    id: 'anders',
    username: 'anders',
    name: 'Anders Holm',
    teamId: 'odense-syd',
    role: 'caseworker',
  },
  { id: 'sara', username: 'sara', name: 'Sara Nielsen', teamId: 'odense-nord', role: 'caseworker' },
] as const;

export type DemoUserId = (typeof DEMO_USERS)[number]['id'];
