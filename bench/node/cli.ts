import { join } from 'node:path';
import { buildBenchAssets } from './bundles';
import { formatMachine, formatSpeed, formatTable, runBench } from './runBench';
import { readSettings, runsScenario } from './settings';

/** Entry of `npm run bench` (bundled and started by scripts/bench.mjs). */
export async function main(root: string): Promise<void> {
  const assetsDir = join(root, '.tmp/bench/assets');
  const settings = readSettings(root, assetsDir);
  await buildBenchAssets(root, assetsDir, { pouch: runsScenario(settings, 3) });
  const report = await runBench(settings);
  console.log(
    `\nFremskudt bench, ${report.at} (${report.minutes.toFixed(1)} min, scale ${settings.scale}, ${settings.reps} reps)`,
  );
  console.log(`Machine: ${formatMachine(report.machine)}`);
  console.log(`Speed ${formatSpeed(report.speed)}\n`);
  console.log(formatTable(report.rows));
  if (report.rows.some((r) => r.pass === false)) process.exitCode = 1;
}
