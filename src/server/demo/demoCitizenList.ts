import type { DemoPlaces } from './demoPlaces';
import type { DemoWrite } from './demoWrite';

/** All people here are invented. CPR numbers have real dates but belong to nobody we know of. */
export interface DemoCitizen {
  key: string;
  user: DemoWrite['user'];
  fields: Record<string, unknown>;
}

export function demoCitizenList(p: DemoPlaces): DemoCitizen[] {
  return [
    {
      key: 'jens',
      user: 'mette',
      fields: {
        firstName: 'Jens',
        lastName: 'Madsen',
        alias: 'Store-J',
        cpr: '010185-2913',
        phone: '+45 20 11 22 33',
        ownGoals:
          'Jeg vil have mit eget sted at bo, hvor hunden også må være. Og så vil jeg se min datter igen.',
        lifeStory: 'Har boet på gaden i perioder siden 2019. Tidligere lagerarbejder.',
        focusAreas: ['bolig', 'misbrug', 'faellesskab'],
        usualLocationIds: [p.hoejstrup, p.gadeplan],
        usualPlaceNote: 'Tirsdage på Højstrup, ellers ved Domkirken om eftermiddagen',
      },
    },
    {
      key: 'lone',
      user: 'mette',
      fields: {
        alias: 'Lille Lone',
        ownGoals: 'Bare at have nogen at snakke med. Måske komme til tandlæge.',
        focusAreas: ['sundhed', 'faellesskab'],
        usualLocationIds: [p.hoejstrup],
      },
    },
    {
      key: 'mikkel',
      user: 'anders',
      fields: {
        firstName: 'Mikkel',
        lastName: 'Hansen',
        cpr: '120392-1457',
        ownGoals: 'Have min egen lejlighed inden jul og måske et fritidsjob i en cykelbutik.',
        focusAreas: ['bolig', 'beskaeftigelse', 'oekonomi'],
        usualLocationIds: [p.herberg],
      },
    },
    {
      key: 'kaptajnen',
      user: 'anders',
      fields: {
        alias: 'Kaptajnen',
        ownGoals: 'Jeg vil ikke på plejehjem. Jeg vil klare mig selv så længe jeg kan.',
        lifeStory: 'Tidligere sømand. Fortæller gerne om havnene.',
        focusAreas: ['sundhed', 'bolig'],
        usualLocationIds: [p.herberg],
        usualPlaceNote: 'Sidder i opholdsstuen om morgenen',
      },
    },
    {
      key: 'amira',
      user: 'mette',
      fields: {
        firstName: 'Amira',
        cpr: '150706-4123',
        ownGoals: 'Færdiggøre 9. klasse på VUC og flytte hjemmefra på en god måde.',
        focusAreas: ['ungeliv', 'psykiatri'],
        usualLocationIds: [p.hoejstrup],
      },
    },
    {
      key: 'per',
      user: 'anders',
      fields: {
        firstName: 'Per',
        lastName: 'Kristensen',
        cpr: '230561-0987',
        ownGoals: 'Skære ned på øllerne og få styr på min sukkersyge.',
        focusAreas: ['misbrug', 'sundhed'],
        usualLocationIds: [p.gadeplan],
      },
    },
    {
      key: 'maja',
      user: 'mette',
      fields: {
        firstName: 'Maja',
        alias: 'Maja R.',
        ownGoals: 'At kunne sove om natten uden at være bange.',
        focusAreas: ['psykiatri', 'bolig'],
        usualLocationIds: [p.herberg, p.hoejstrup],
      },
    },
    {
      key: 'henrik',
      user: 'anders',
      fields: {
        firstName: 'Henrik',
        lastName: 'Jørgensen',
        alias: 'Henne',
        ownGoals: 'Få mit kørekort tilbage.',
        focusAreas: ['beskaeftigelse', 'misbrug'],
        usualLocationIds: [p.gadeplan],
      },
    },
    {
      key: 'bo',
      user: 'sara',
      fields: {
        firstName: 'Bo',
        alias: 'Bo med hunden',
        ownGoals: 'Et sted hvor jeg og Bella kan bo sammen.',
        focusAreas: ['bolig'],
        usualLocationIds: [p.nordlyset],
      },
    },
  ];
}
