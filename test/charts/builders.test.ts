import { beforeAll, describe, expect, it } from 'vitest';
import { validateSpec } from '../../src/render/validateSpec.js';
import { toSvg } from '../../src/render/toSvg.js';
import { cases } from './fixtures.js';
import { compileStrict, countMarks, rounded } from './compileStrict.js';

// Every builder: schema-valid, compiles without a single vega-lite warning, renders with the expected
// number of marks and the expected text, and matches its rounded spec snapshot.
describe.each(cases)('$name', (c) => {
  let svg = '';
  beforeAll(async () => {
    svg = await toSvg(c.spec(), { validate: false });
  });
  it('validateSpec(spec) accepts it', () => {
    expect(() => validateSpec(c.spec())).not.toThrow();
  });
  it('compiles with no vega-lite warning', () => {
    expect(() => compileStrict(c.spec())).not.toThrow();
  });
  it.each(Object.entries(c.marks))('draws %s x%i', (key, n) => {
    expect(countMarks(svg, key)).toBe(n);
  });
  it.each(c.texts)('shows "%s"', (text) => {
    expect(svg).toContain(text);
  });
  it('matches its spec snapshot', async () => {
    await expect(JSON.stringify(rounded(c.spec()), null, 2) + '\n').toMatchFileSnapshot(
      `__snapshots__/${c.name}.vl.json`,
    );
  });
  it('shares nothing between calls: editing one spec (its rows included) leaves the next one as it was', () => {
    const first = c.spec();
    const before = structuredClone(first);
    scramble(first);
    expect(c.spec()).toEqual(before);
  });
});

/** Overwrites every number and string reachable in a spec, in place. */
function scramble(x: unknown): void {
  if (x === null || typeof x !== 'object') return;
  const o = x as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (typeof o[k] === 'number') o[k] = -1;
    else if (typeof o[k] === 'string') o[k] = 'scrambled';
    else scramble(o[k]);
  }
}
