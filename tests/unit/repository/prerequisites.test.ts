// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const script: string = '../../../scripts/check-prerequisites.mjs';
const { nodeSupported } = (await import(script)) as { nodeSupported: (v: string) => boolean };
const engines = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    engines: { node: string };
  }
).engines.node;

describe('the Node versions npm test accepts', () => {
  it('are those package.json promises: 20.19+ on 20, 22.13+ on 22, and 24', () => {
    expect(engines).toBe('>=20.19 <21 || >=22.13');
    for (const v of ['20.19.0', '20.20.2', '22.13.0', '22.22.1', '24.0.0', '24.21.0']) {
      expect(nodeSupported(v), v).toBe(true);
    }
    for (const v of ['18.20.0', '20.18.3', '21.7.3', '22.12.0', '22.0.0']) {
      expect(nodeSupported(v), v).toBe(false);
    }
  });
});
