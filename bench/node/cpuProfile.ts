import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** The functions with the most self time in a CPU profile, as "share  name (file:line)" lines. */
export function topSelfTime(profile: Profile, count = 15): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n] as const));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  samples.forEach((id, i) => {
    const node = byNode.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} (${url.split('/').at(-1) ?? ''}:${lineNumber + 1})`;
    const dt = deltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${((100 * us) / Math.max(1, total)).toFixed(1).padStart(5)} %  ${key}`);
}

/**
 * Runs `work` under the DevTools CPU profiler of `page` when BENCH_PROFILE=1, writes the
 * .cpuprofile (open it in Chrome DevTools) under bench/results/profiles and logs the top self time.
 */
export async function maybeProfile<T>(
  page: Page,
  resultsDir: string | null,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  if (process.env.BENCH_PROFILE !== '1' || !resultsDir) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    await cdp.detach();
    const dir = join(resultsDir, 'profiles');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    console.log(`[profile ${name}]\n${topSelfTime(profile).join('\n')}`);
  }
}
