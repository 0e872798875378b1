/** Fictional demo teams and caseworkers (team brief). Password for all: `demo`. */
export const DEMO_PASSWORD = 'demo';

export const DEMO_TEAMS = [
  { id: 'odense-syd', name: 'Fremskudt team Syd' },
  { id: 'odense-nord', name: 'Fremskudt team Nord' },
  { id: 'odense-vest', name: 'Fremskudt team Vest' },
] as const;

/**
 * Anders works in two teams (Syd by default, and Vest); Lone administers users and devices and,
 * being in team Vest only, sees no case data of Syd or Nord.
 */
export const DEMO_USERS = [
  { id: 'mette', username: 'mette', name: 'Mette Sørensen', teamId: 'odense-syd', role: 'lead' },
  {
    id: 'anders',
    username: 'anders',
    name: 'Anders Holm',
    teamId: 'odense-syd',
    otherTeamIds: ['odense-vest'],
    role: 'caseworker',
  },
  { id: 'sara', username: 'sara', name: 'Sara Nielsen', teamId: 'odense-nord', role: 'caseworker' },
  { id: 'lone', username: 'lone', name: 'Lone Kristensen', teamId: 'odense-vest', role: 'admin' },
] as const;

export type DemoUserId = (typeof DEMO_USERS)[number]['id'];
