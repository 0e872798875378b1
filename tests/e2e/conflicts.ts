import { uuidv7 } from 'uuidv7';
import { serverApi } from './serverApi';

interface PulledCitizen {
  id: string;
  version: number;
  teamId: string;
}

/**
 * Makes the server keep a same-field clash on a citizen of team Syd: Mette's device and Anders's
 * device both change the phone number from the same version (Mette's first, so hers is kept).
 * Returns the citizen's id. The browsers see it at their next sync.
 */
export async function makePhoneClash(
  baseUrl: string,
  phones: [kept: string, other: string] = ['11 11 11 11', '22 22 22 22'],
): Promise<string> {
  const api = serverApi(baseUrl);
  const tokenA = await api.tokenOf('mette', 'e2e-device-a');
  const tokenB = await api.tokenOf('anders', 'e2e-device-b');
  const pulled = await api.call<{ changes: { entity: string; record: PulledCitizen | null }[] }>(
    '/api/sync/pull?limit=1000',
    { token: tokenA },
  );
  const first = pulled.changes.find(
    (c) => c.entity === 'citizen' && c.record?.teamId === 'odense-syd',
  )?.record;
  if (!first) throw new Error('No citizen of team Syd in the demo data');
  // The change log holds every version: the latest is the citizen's last entry.
  const citizen = pulled.changes.findLast((c) => c.record?.id === first.id)?.record ?? first;
  const push = (token: string, deviceId: string, phone: string) =>
    api.call('/api/sync/push', {
      method: 'POST',
      token,
      body: {
        deviceId,
        mutations: [
          {
            mutationId: uuidv7(),
            deviceId,
            entity: 'citizen',
            recordId: citizen.id,
            op: 'update',
            fields: { phone },
            baseVersion: citizen.version,
            clientTime: new Date().toISOString(),
          },
        ],
      },
    });
  await push(tokenA, 'e2e-device-a', phones[0]);
  await push(tokenB, 'e2e-device-b', phones[1]);
  return citizen.id;
}
