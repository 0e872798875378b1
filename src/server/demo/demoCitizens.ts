import { newId } from '../../domain/ids';
import type { DemoClock } from './demoClock';
import { demoCitizenList } from './demoCitizenList';
import type { DemoPlaces } from './demoPlaces';
import type { DemoWrite } from './demoWrite';

const CASES = [
  {
    citizen: 'jens',
    user: 'mette',
    title: 'Opsøgende kontakt og bostøtte',
    legalBasis: 'sel-99',
    daysAgo: 200,
  },
  {
    citizen: 'jens',
    user: 'mette',
    title: 'Handleplan: egen bolig (Housing First)',
    legalBasis: 'sel-141',
    daysAgo: 90,
  },
  {
    citizen: 'mikkel',
    user: 'anders',
    title: 'Socialpædagogisk støtte i udslusning',
    legalBasis: 'sel-85',
    daysAgo: 45,
  },
  {
    citizen: 'kaptajnen',
    user: 'anders',
    title: 'Ophold på herberg',
    legalBasis: 'sel-110',
    daysAgo: 120,
  },
  {
    citizen: 'per',
    user: 'anders',
    title: 'Alkoholbehandling',
    legalBasis: 'sel-101',
    daysAgo: 30,
  },
  {
    citizen: 'amira',
    user: 'mette',
    title: 'Aktivitets- og samværstilbud',
    legalBasis: 'sel-104',
    daysAgo: 60,
  },
  {
    citizen: 'maja',
    user: 'mette',
    title: 'Midlertidigt botilbud',
    legalBasis: 'sel-107',
    daysAgo: 20,
  },
  { citizen: 'bo', user: 'sara', title: 'Opsøgende kontakt', legalBasis: 'sel-99', daysAgo: 15 },
] as const;

/** Citizens, their cases, consents, final journal notes, a past visit and follow-ups. */
export function demoCitizens(clock: DemoClock, places: DemoPlaces): DemoWrite[] {
  const writes: DemoWrite[] = [];
  const ids: Record<string, string> = {};
  const caseIds: Record<string, string> = {};
  for (const c of demoCitizenList(places)) {
    ids[c.key] = newId();
    writes.push({ user: c.user, entity: 'citizen', id: ids[c.key]!, fields: c.fields });
  }
  for (const c of CASES) {
    const id = newId();
    caseIds[`${c.citizen}:${c.legalBasis}`] = id;
    writes.push({
      user: c.user,
      entity: 'case',
      id,
      fields: {
        citizenId: ids[c.citizen],
        title: c.title,
        legalBasis: c.legalBasis,
        status: 'open',
        responsibleUserId: c.user,
        openedOn: clock.date(-c.daysAgo),
      },
    });
  }
  writes.push(...consentsAndNotes(clock, places, ids, caseIds));
  writes.push(...pastVisit(clock, places, ids));
  writes.push(...followUps(clock, ids, caseIds));
  return writes;
}

function consentsAndNotes(
  clock: DemoClock,
  p: DemoPlaces,
  ids: Record<string, string>,
  caseIds: Record<string, string>,
): DemoWrite[] {
  const consent = {
    id: newId(),
    informationKinds: 'Helbredsoplysninger og oplysninger om behandling',
    parties: 'Misbrugscenter Odense og egen læge',
    purpose: 'Koordinering af alkoholbehandling',
    caseId: caseIds['per:sel-101'],
    givenOn: clock.date(-28),
    expiresOn: clock.date(337),
    toldWhatRefusalMeans: true,
  };
  const note = (
    user: DemoWrite['user'],
    citizen: string,
    daysAgo: number,
    body: string,
    extra = {},
  ) => ({
    user,
    entity: 'note' as const,
    id: newId(),
    fields: {
      citizenId: ids[citizen],
      occurredAt: clock.at(-daysAgo, '10:30'),
      body,
      category: 'samtale',
      status: 'final',
      authorId: user,
      finalizedAt: clock.at(-daysAgo, '13:15'),
      ...extra,
    },
  });
  return [
    { user: 'anders', entity: 'citizen', id: ids.per!, fields: { consents: [consent] } },
    note(
      'mette',
      'jens',
      7,
      'Jens fortalte, at han har fået tilbudt et værelse via boligsocial anvisning. Han er i tvivl, fordi hunden ikke må være der. Vi aftalte, at jeg undersøger andre muligheder.',
      { caseId: caseIds['jens:sel-141'], locationId: p.hoejstrup },
    ),
    note(
      'anders',
      'mikkel',
      3,
      'Samtale på herberget. Mikkel har været til jobsamtale i en cykelbutik og venter svar. Han ønsker hjælp til budget, når han flytter.',
      { caseId: caseIds['mikkel:sel-85'], locationId: p.herberg },
    ),
    note(
      'anders',
      'per',
      28,
      'Per giver samtykke til, at vi må tale med Misbrugscenter Odense og hans egen læge om behandlingen. Han er informeret om, hvad det betyder at sige nej.',
      { caseId: caseIds['per:sel-101'], category: 'moede' },
    ),
    note(
      'sara',
      'bo',
      2,
      'Bo sov på Nordlyset i nat. Han vil gerne høre om muligheder for bolig, hvor hunden kan komme med.',
      { caseId: caseIds['bo:sel-99'], locationId: p.nordlyset },
    ),
  ];
}

function pastVisit(clock: DemoClock, p: DemoPlaces, ids: Record<string, string>): DemoWrite[] {
  const visitId = newId();
  const contact = (minutes: string, fields: Record<string, unknown>): DemoWrite => ({
    user: 'mette',
    entity: 'contact',
    id: newId(),
    fields: { visitId, locationId: p.hoejstrup, at: clock.at(-7, minutes), ...fields },
  });
  return [
    {
      user: 'mette',
      entity: 'visit',
      id: visitId,
      fields: {
        locationId: p.hoejstrup,
        userId: 'mette',
        startedAt: clock.at(-7, '10:00'),
        endedAt: clock.at(-7, '13:00'),
        summary: 'Stille formiddag. To nye ansigter, som ikke ville oplyse navn.',
      },
    },
    contact('10:20', {
      kind: 'named',
      citizenId: ids.jens,
      ageGroup: '40-59',
      gender: 'mand',
      topics: ['bolig'],
    }),
    contact('11:05', {
      kind: 'named',
      citizenId: ids.lone,
      ageGroup: '40-59',
      gender: 'kvinde',
      topics: ['sundhed'],
    }),
    contact('11:40', {
      kind: 'anonymous',
      ageGroup: '18-24',
      gender: 'mand',
      topics: ['misbrug', 'bolig'],
      remark: 'Spurgte til natherberg',
    }),
    contact('12:30', {
      kind: 'anonymous',
      ageGroup: '60-plus',
      gender: 'kvinde',
      topics: ['oekonomi'],
    }),
  ];
}

function followUps(
  clock: DemoClock,
  ids: Record<string, string>,
  caseIds: Record<string, string>,
): DemoWrite[] {
  const followUp = (
    user: DemoWrite['user'],
    citizen: string,
    title: string,
    days: number,
    caseKey?: string,
  ): DemoWrite => ({
    user,
    entity: 'followUp',
    id: newId(),
    fields: {
      citizenId: ids[citizen],
      title,
      dueOn: clock.date(days),
      assigneeId: user,
      ...(caseKey ? { caseId: caseIds[caseKey] } : {}),
    },
  });
  return [
    followUp(
      'mette',
      'jens',
      'Ring til boligsocial anvisning om bolig med hund',
      -3,
      'jens:sel-141',
    ),
    followUp('mette', 'amira', 'Tjek om Amira er startet på VUC', 0, 'amira:sel-104'),
    followUp('anders', 'mikkel', 'Hjælp Mikkel med budget før indflytning', 0, 'mikkel:sel-85'),
    followUp('anders', 'per', 'Opfølgning med Misbrugscenter Odense', 5, 'per:sel-101'),
    followUp('sara', 'bo', 'Undersøg boliger hvor hund er tilladt', 1, 'bo:sel-99'),
  ];
}
