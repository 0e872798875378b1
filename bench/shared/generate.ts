/**
 * Deterministic, realistic-looking Danish caseload data for the benchmark: the same seed gives
 * the same records on every run and in every process (Node seeds the server, Chromium builds the
 * search index from the same generator). Each record is about 1 KB as JSON.
 */

/** mulberry32: small, fast, good enough for test data (not for anything secret). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Jens',
  'Mette',
  'Lars',
  'Hanne',
  'Søren',
  'Kirsten',
  'Henrik',
  'Lone',
  'Niels',
  'Birgit',
  'Peter',
  'Susanne',
  'Michael',
  'Anne',
  'Thomas',
  'Pia',
  'Jørgen',
  'Inge',
  'Kim',
  'Bente',
  'Ole',
  'Camilla',
  'Rasmus',
  'Louise',
  'Martin',
  'Sofie',
  'Frederik',
  'Ida',
  'Mads',
  'Emma',
  'Kasper',
  'Freja',
  'Jesper',
  'Nanna',
  'Bjarne',
  'Gitte',
  'Torben',
  'Dorthe',
  'Allan',
  'Vibeke',
];
const LAST = [
  'Jensen',
  'Nielsen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Johansen',
  'Møller',
  'Mortensen',
  'Knudsen',
  'Holm',
  'Skov',
  'Bak',
  'Dam',
  'Lund',
];
const ALIASES = [
  'Store-J',
  'Lille-Lars',
  'Rødhætte',
  'Kaptajnen',
  'Fiskeren',
  'Mormor',
  'Professoren',
  'Bamse',
  'Cykel-Kim',
  'Skipper',
  'Grævlingen',
  'Sølle',
  'Tante Ib',
  'Hunde-Ole',
  'Maleren',
  '',
];
const SENTENCES = [
  'Har boet på herberg i perioder og sover nu mest hos en ven på Vesterbro.',
  'Kommer på værestedet de fleste formiddage og vil gerne have hjælp til bolig og økonomi.',
  'Har en hund, som er meget vigtig for ham, og vil ikke på et tilbud uden den.',
  'Ønsker kontakt til egen læge og hjælp til at søge om en lejlighed gennem boligsocial anvisning.',
  'Er ikke interesseret i behandling lige nu, men vil gerne snakke om det senere.',
  'Fortæller at kontanthjælpen er stoppet, fordi han ikke mødte op til samtale på jobcentret.',
  'Vi aftalte at mødes igen torsdag ved kirken, hvor hun plejer at sidde om eftermiddagen.',
  'Virkede mere rolig end sidst og takkede for kaffen; talte om sin datter i Aarhus.',
  'Har mistet sit sygesikringsbevis og skal have hjælp til at bestille et nyt hos borgerservice.',
  'Giver udtryk for at have det svært med søvnen og har tidligere været tilknyttet distriktspsykiatrien.',
  'Drikker mindre end før ifølge eget udsagn og vil gerne høre om dagbehandling.',
  'Vi ringede sammen til udbetaling Danmark om boligstøtten; sagen er under behandling.',
  'Har fået tilbudt et værelse på et bosted, men er usikker på, om hun vil tage imod det.',
  'Nævner gæld til inkasso og vil gerne have en gældsrådgiver med til næste møde.',
];
const CATEGORIES = [
  'samtale',
  'telefon',
  'henvendelse',
  'opfoelgning',
  'moede',
  'observation',
] as const;
const FOCUS = ['bolig', 'misbrug', 'psykiatri', 'sundhed', 'beskaeftigelse', 'oekonomi'] as const;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function paragraph(random: () => number, minChars: number): string {
  let text = '';
  while (text.length < minChars) text += (text ? ' ' : '') + pick(random, SENTENCES);
  return text;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);

/**
 * A valid, deterministic UUIDv7-shaped id: `kind` keeps the ranges of citizens, notes and so on
 * apart, and ids sort by index as real UUIDv7 ids sort by creation time.
 */
export function benchId(kind: number, index: number): string {
  return `0190${hex(kind, 4)}-${hex(index >>> 16, 4)}-7${hex(index & 0xfff, 3)}-8${hex(kind, 3)}-${hex(index, 12)}`;
}

export const CITIZEN_KIND = 1;
export const NOTE_KIND = 2;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A CPR number with a real birth date (1940–1999), serial starting 0–3 so the century is 19xx. */
function cpr(random: () => number): string {
  const day = 1 + Math.floor(random() * 28);
  const month = 1 + Math.floor(random() * 12);
  const year = 40 + Math.floor(random() * 60);
  const serial = String(Math.floor(random() * 4000)).padStart(4, '0');
  return `${pad2(day)}${pad2(month)}${pad2(year)}-${serial}`;
}

export interface BenchCitizenFields {
  firstName: string;
  lastName: string;
  alias: string;
  cpr?: string;
  phone: string;
  ownGoals: string;
  lifeStory: string;
  focusAreas: (typeof FOCUS)[number][];
  usualPlaceNote: string;
}

/** The fields of citizen number `index` (the same on every run). */
export function citizenFields(index: number): BenchCitizenFields {
  const random = seededRandom(1_000_003 * (index + 1));
  const fields: BenchCitizenFields = {
    firstName: pick(random, FIRST),
    lastName: pick(random, LAST),
    alias: pick(random, ALIASES),
    phone: `${20 + Math.floor(random() * 80)} ${pad2(Math.floor(random() * 100))} ${pad2(Math.floor(random() * 100))} ${pad2(Math.floor(random() * 100))}`,
    ownGoals: paragraph(random, 150),
    lifeStory: paragraph(random, 550),
    focusAreas: [pick(random, FOCUS), pick(random, FOCUS)].filter((v, i, a) => a.indexOf(v) === i),
    usualPlaceNote: 'Ofte ved Banegårdspladsen om morgenen',
  };
  // One in five has no CPR number yet: outreach often starts with a first name only.
  if (random() > 0.2) fields.cpr = cpr(random);
  return fields;
}

export interface BenchNoteFields {
  citizenId: string;
  occurredAt: string;
  body: string;
  category: (typeof CATEGORIES)[number];
  status: 'draft' | 'final';
  authorId: string;
}

/** The fields of note number `index`, about citizen `index % citizens`. */
export function noteFields(index: number, citizens: number, authorId: string): BenchNoteFields {
  const random = seededRandom(2_000_003 * (index + 1));
  const day = 1 + Math.floor(random() * 28);
  return {
    citizenId: benchId(CITIZEN_KIND, index % Math.max(1, citizens)),
    occurredAt: `2026-${pad2(1 + Math.floor(random() * 10))}-${pad2(day)}T${pad2(8 + Math.floor(random() * 10))}:${pad2(Math.floor(random() * 60))}:00.000Z`,
    body: paragraph(random, 800),
    category: pick(random, CATEGORIES),
    status: random() < 0.8 ? 'final' : 'draft',
    authorId,
  };
}

/** Keystrokes a caseworker types into the search field: each prefix is one search. */
export const SEARCH_TYPING = [
  'Jens Hansen',
  'Store-J',
  'Hunde',
  '0101',
  '2045 1',
  'Søren Mø',
  'Kirst',
];

/** Words a caseworker types to find a note by its text. */
export const NOTE_SEARCH_TYPING = ['hund', 'kontanthjælp', 'boligstøtte', 'læge', 'gæld inkasso'];
