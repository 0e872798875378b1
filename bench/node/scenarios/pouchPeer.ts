/**
 * Scenario 3: the peer. PouchDB in the same Chromium replicates the same caseload from a PouchDB
 * server on this machine; compared with scenario 2's first sync of ours.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { callPouch, openPouchPage } from '../benchPage';
import { pouchServerScript } from '../bundles';
import { withFreshChromium } from '../chromium';
import type { BenchContext, ResultRow } from '../result';
import { stopChild } from '../serverProcess';
import { scaled, type BenchSettings } from '../settings';
import { fmt, median, perSecond } from '../stats';

const RECORDS = 100_000;

export async function pouchPeer(
  settings: BenchSettings,
  bench: BenchContext,
  earlier: readonly ResultRow[],
): Promise<ResultRow> {
  const records = scaled(settings, RECORDS, 100);
  bench.log(`3: loading ${records} docs into the PouchDB server`);
  const child = spawn(
    process.execPath,
    [pouchServerScript(settings.root), settings.assetsDir, String(records)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`PouchDB server exited with ${code}`)));
      const lines = createInterface({ input: child.stdout });
      lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    });
    const origin = `http://127.0.0.1:${port}`;
    const rates: number[] = [];
    // PouchDB is several times slower than the rest: fewer repetitions keep the run short. Each
    // replication is a new device, in a browser profile of its own, as in scenario 2.
    for (let rep = 0; rep < Math.min(settings.reps, 2); rep++) {
      const r = await withFreshChromium(settings.chromium, async (context) => {
        const page = await openPouchPage(context, origin);
        return callPouch(page, 'replicate', `${origin}/db/caseload`, `pouch-${rep}`);
      });
      rates.push(perSecond(r.docs, r.ms));
      bench.log(`3: PouchDB replicated ${r.docs} in ${fmt(r.ms)} ms`);
    }
    const peer = median(rates);
    const ours = earlier.find((row) => row.id === '2');
    const oursRate = ours ? median(ours.data.oursPerSecond as number[]) : Number.NaN;
    const ratio = oursRate / peer;
    return {
      id: '3',
      scenario: `PouchDB replicating the same ${fmt(records)} docs (peer)`,
      ours: ours ? `scenario 2: ${fmt(oursRate)} records/s` : '–',
      reference: `PouchDB ${fmt(peer)} docs/s`,
      ratio: Number.isFinite(ratio) ? ratio : null,
      target: '≥ 3× PouchDB',
      pass: Number.isFinite(ratio) ? ratio >= 3 : null,
      data: { records, pouchPerSecond: rates },
    };
  } finally {
    await stopChild(child);
  }
}
