import { newId } from '../../domain/ids';
import type { DemoClock } from './demoClock';
import type { DemoWrite } from './demoWrite';

export interface DemoPlaces {
  hoejstrup: string;
  herberg: string;
  gadeplan: string;
  nordlyset: string;
  writes: DemoWrite[];
}

/** Locations and the weekly schedule: at least one slot every day for Mette and for Anders. */
export function demoPlaces(clock: DemoClock): DemoPlaces {
  const hoejstrup = newId();
  const herberg = newId();
  const gadeplan = newId();
  const nordlyset = newId();
  const writes: DemoWrite[] = [
    {
      user: 'mette',
      entity: 'location',
      id: hoejstrup,
      fields: {
        name: 'Højstrup værested',
        kind: 'vaerested',
        address: 'Højstrupvej 12, 5200 Odense V',
        description:
          'Værested efter servicelovens § 104. Kaffe fra kl. 9. Vi sidder ved bordet bag køkkenet.',
      },
    },
    {
      user: 'mette',
      entity: 'location',
      id: herberg,
      fields: {
        name: 'Herberget Nørregade',
        kind: 'herberg',
        address: 'Nørregade 40, 5000 Odense C',
        description:
          'Herberg efter § 110 (fiktivt). Samtalerum på 1. sal; spørg personalet om nøglen.',
      },
    },
    {
      user: 'anders',
      entity: 'location',
      id: gadeplan,
      fields: {
        name: 'Gadeplan ved Domkirken',
        kind: 'gadeplan',
        address: 'Klosterbakken, 5000 Odense C',
        description: 'Opsøgende arbejde efter § 99. Bænkene ved Domkirken og stien ned mod åen.',
      },
    },
    {
      user: 'sara',
      entity: 'location',
      id: nordlyset,
      fields: {
        name: 'Værestedet Nordlyset',
        kind: 'vaerested',
        address: 'Fyrrevej 3, 5270 Odense N',
        description: 'Fiktivt værested i nord. Åbent alle hverdage 10–15.',
      },
    },
  ];
  const slot = (
    user: DemoWrite['user'],
    locationId: string,
    weekday: number,
    start: string,
    end: string,
  ) =>
    writes.push({
      user,
      entity: 'scheduleSlot',
      id: newId(),
      fields: {
        locationId,
        userId: user,
        weekday,
        startTime: start,
        endTime: end,
        validFrom: clock.date(-60),
      },
    });
  slot('mette', gadeplan, 1, '13:00', '15:00');
  slot('mette', hoejstrup, 2, '10:00', '13:00');
  slot('mette', herberg, 3, '09:00', '11:00');
  slot('mette', herberg, 4, '09:00', '11:00');
  slot('mette', hoejstrup, 5, '10:00', '12:00');
  slot('mette', gadeplan, 6, '11:00', '13:00');
  slot('mette', hoejstrup, 7, '12:00', '14:00');
  slot('anders', hoejstrup, 1, '09:00', '12:00');
  slot('anders', gadeplan, 2, '14:00', '16:00');
  slot('anders', hoejstrup, 3, '12:00', '14:00');
  slot('anders', gadeplan, 4, '10:00', '12:00');
  slot('anders', herberg, 5, '09:00', '11:00');
  slot('anders', gadeplan, 6, '20:00', '22:00');
  slot('anders', herberg, 7, '10:00', '12:00');
  for (let weekday = 1; weekday <= 5; weekday++) slot('sara', nordlyset, weekday, '10:00', '12:00');
  return { hoejstrup, herberg, gadeplan, nordlyset, writes };
}
