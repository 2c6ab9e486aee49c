import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { totalCagrFromSectors } from '../../src/decompose/totalCagrFromSectors.js';
import { requiredSectorCagr } from '../../src/decompose/requiredSectorCagr.js';
import { thrown } from '../helpers/thrown.js';

describe('totalCagrFromSectors', () => {
  it('two halves growing 0 % and 100 % for one year give 50 %', () => {
    expect(
      totalCagrFromSectors(
        [
          { id: 'a', share: 0.5, rate: 0 },
          { id: 'b', share: 0.5, rate: 1 },
        ],
        1,
      ),
    ).toBe(0.5);
  });
  it('over 2 years the fast sector weighs more: (0.5 + 0.5 * 4)^(1/2) - 1 = sqrt(2.5) - 1', () => {
    // Level after 2 years: 0.5 * 1^2 + 0.5 * 2^2 = 2.5; CAGR = 2.5^(1/2) - 1 = 0.58113883...
    expect(
      totalCagrFromSectors(
        [
          { id: 'a', share: 0.5, rate: 0 },
          { id: 'b', share: 0.5, rate: 1 },
        ],
        2,
      ),
    ).toBeCloseTo(Math.sqrt(2.5) - 1, 14);
  });
  it('all sectors at 25 % give 25 % (1 x 1.25^5 = 3.05, the plan pair)', () => {
    const r = totalCagrFromSectors(
      [
        { id: 'a', share: 0.3, rate: 0.25 },
        { id: 'b', share: 0.7, rate: 0.25 },
      ],
      5,
    );
    expect(r).toBeCloseTo(0.25, 14);
  });
  it('shares not summing to 1, negative shares, rates <= -1 or years <= 0 throw invalid_argument', () => {
    expect(thrown(() => totalCagrFromSectors([{ id: 'a', share: 0.5, rate: 0.1 }], 5))).toMatchObject({
      code: 'invalid_argument',
      details: { sum: 0.5 },
    });
    expect(
      thrown(() =>
        totalCagrFromSectors(
          [
            { id: 'a', share: -0.5, rate: 0.1 },
            { id: 'b', share: 1.5, rate: 0.1 },
          ],
          5,
        ),
      ),
    ).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => totalCagrFromSectors([{ id: 'a', share: 1, rate: -1 }], 5))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => totalCagrFromSectors([{ id: 'a', share: 1, rate: 0.1 }], 0))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => totalCagrFromSectors([{ id: 'a', share: 1, rate: Number.NaN }], 1))).toMatchObject({
      code: 'non_finite',
    });
    expect(thrown(() => totalCagrFromSectors([], 1))).toMatchObject({ code: 'invalid_argument' });
  });
  it("after 5e200 years the total grows at its fastest sector's rate: the level overflowed, G does not (fuzz seed 12)", () => {
    // The level Σ s_i (1 + g_i)^n was Infinity, and the error said so ("is Infinity"); G is its limit.
    const sectors = [
      { id: 's0', share: 1.0093918248365447e-258, rate: -2.0376713174015003e-222 },
      { id: 's1', share: 1.8471148576276002e-131, rate: 9.412642956109845e-81 },
      { id: 's2', share: 1, rate: -2.509558954396826e-230 },
    ];
    expect(totalCagrFromSectors(sectors, 4.9999999999999995e200)).toBe(9.412642956109845e-81);
    const two = [
      { id: 'a', share: 0.5, rate: 0.1 },
      { id: 'b', share: 0.5, rate: 0.2 },
    ];
    // (0.5 x 1.1^n + 0.5 x 1.2^n)^(1/n) = 1.2 x 0.5^(1/n) once (1.1 / 1.2)^n is nothing.
    expect(totalCagrFromSectors(two, 1e6)).toBeCloseTo(Math.expm1(Math.log1p(0.2) + Math.log(0.5) / 1e6), 14);
    expect(totalCagrFromSectors(two, 1e300)).toBeCloseTo(0.2, 15);
    // A level that underflows (0.9^1e5 is 0) gives the slowest decline, not a degenerate error.
    expect(
      totalCagrFromSectors(
        [
          { id: 'a', share: 0.5, rate: -0.1 },
          { id: 'b', share: 0.5, rate: -0.2 },
        ],
        1e5,
      ),
    ).toBeCloseTo(Math.expm1(Math.log1p(-0.1) + Math.log(0.5) / 1e5), 14);
  });
  it('a vanishing number of years gives the share-weighted geometric mean rate, not Infinity', () => {
    // (Σ s_i (1 + g_i)^n)^(1/n) -> Π (1 + g_i)^s_i as n -> 0; shares summing to 1 + 1e-10 (within the
    // tolerance) made log(level) / n = 1e-10 / 1e-300 overflow.
    const r = totalCagrFromSectors(
      [
        { id: 'a', share: 0.6, rate: 0.1 },
        { id: 'b', share: 0.4000000001, rate: 0.2 },
      ],
      1e-300,
    );
    expect(r).toBeCloseTo(Math.exp(0.6 * Math.log(1.1) + 0.4 * Math.log(1.2)) - 1, 8);
  });
  it('the total CAGR lies between the smallest and largest sector rate', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (s, g1, g2, n) => {
          const G = totalCagrFromSectors(
            [
              { id: 'a', share: s, rate: g1 },
              { id: 'b', share: 1 - s, rate: g2 },
            ],
            n,
          );
          return G >= Math.min(g1, g2) - 1e-12 && G <= Math.max(g1, g2) + 1e-12;
        },
      ),
    );
  });
});

describe('requiredSectorCagr', () => {
  it('a half at 0 % and a target of 50 % in one year needs 100 % from the other half', () => {
    expect(
      requiredSectorCagr({
        sectors: [
          { id: 'a', share: 0.5, rate: 0 },
          { id: 'b', share: 0.5 },
        ],
        sector: 'b',
        targetCagr: 0.5,
        years: 1,
      }),
    ).toBe(1);
  });
  it('big data 2020-2025: a 40 % sector at 20 % needs (1.25^5 - 0.4 x 1.2^5) / 0.6)^(1/5) - 1 from the rest', () => {
    // 1.25^5 = 3.0517578125; 0.4 x 1.2^5 = 0.99532800; (3.0517578125 - 0.995328) / 0.6 = 3.42738302...; ^(1/5) - 1 = 0.27898...
    const expected = Math.pow((Math.pow(1.25, 5) - 0.4 * Math.pow(1.2, 5)) / 0.6, 1 / 5) - 1;
    expect(
      requiredSectorCagr({
        sectors: [
          { id: 'a', share: 0.4, rate: 0.2 },
          { id: 'b', share: 0.6 },
        ],
        sector: 'b',
        targetCagr: 0.25,
        years: 5,
      }),
    ).toBeCloseTo(expected, 14);
  });
  it('requiredSectorCagr inverts totalCagrFromSectors', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: -0.3, max: 0.6, noNaN: true }),
        fc.double({ min: -0.3, max: 0.6, noNaN: true }),
        fc.integer({ min: 1, max: 15 }),
        (s, g1, g2, n) => {
          const sectors = [
            { id: 'a', share: s, rate: g1 },
            { id: 'b', share: 1 - s, rate: g2 },
          ];
          const G = totalCagrFromSectors(sectors, n);
          const back = requiredSectorCagr({ sectors, sector: 'b', targetCagr: G, years: n });
          return Math.abs(back - g2) < 1e-9;
        },
      ),
    );
  });
  it('over 1e300 years or a tiny fraction of one it stays finite and inverts totalCagrFromSectors (growth factors overflowed to NaN)', () => {
    const a = { id: 'a', share: 0.5, rate: 0.1 };
    const b = { id: 'b', share: 0.5000000001 };
    for (const years of [1e300, 5e3, 0.5, 1e-300]) {
      const g = requiredSectorCagr({ sectors: [a, b], sector: 'b', targetCagr: 0.15, years });
      expect(Number.isFinite(g)).toBe(true);
      const G = totalCagrFromSectors([a, { ...b, rate: g }], years);
      expect(G).toBeCloseTo(0.15, 10);
    }
    // Other sectors alone past the target over 1e300 years: the message gives their CAGR, not an overflowed level.
    const e = thrown(() =>
      requiredSectorCagr({
        sectors: [
          { id: 'a', share: 0.5, rate: 0.3 },
          { id: 'b', share: 0.5 },
        ],
        sector: 'b',
        targetCagr: 0.2,
        years: 1e300,
      }),
    );
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['targetCagr'] }] });
    expect((e as Error).message).toBe(
      'requiredSectorCagr: the other sectors alone grow the base total by 0.300000 a year over 1e+300 years, above the target\'s 0.2; "b" would need a negative level. Lower the other sectors\' rates or raise the target.',
    );
  });
  it('others overshooting the target so that the sector would need a negative level throws invalid_argument', () => {
    const e = thrown(() =>
      requiredSectorCagr({
        sectors: [
          { id: 'a', share: 0.9, rate: 0.5 },
          { id: 'b', share: 0.1 },
        ],
        sector: 'b',
        targetCagr: 0.1,
        years: 5,
      }),
    );
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect((e as Error).message).toContain('negative level');
  });
  it('an unknown sector, a zero-share sector or a bad target throws', () => {
    const sectors = [
      { id: 'a', share: 1, rate: 0.1 },
      { id: 'b', share: 0 },
    ];
    expect(thrown(() => requiredSectorCagr({ sectors, sector: 'c', targetCagr: 0.1, years: 5 }))).toMatchObject({
      code: 'not_found',
    });
    expect(thrown(() => requiredSectorCagr({ sectors, sector: 'b', targetCagr: 0.1, years: 5 }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => requiredSectorCagr({ sectors, sector: 'a', targetCagr: -1, years: 5 }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(
      thrown(() =>
        requiredSectorCagr({
          sectors: [
            { id: 'a', share: 1 },
            { id: 'b', share: 0 },
          ],
          sector: 'b',
          targetCagr: 0.1,
          years: 5,
        }),
      ),
    ).toMatchObject({ code: 'invalid_argument' });
  });
  it('a misspelt field throws invalid_argument naming it and the field meant', () => {
    const e = thrown(() =>
      requiredSectorCagr({
        sectors: [
          { id: 'a', share: 0.5, rate: 0 },
          { id: 'b', share: 0.5 },
        ],
        sector: 'b',
        targetCagr: 0.5,
        years: 1,
        year: 2,
      } as never),
    );
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'year'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "year".*Did you mean years\?/);
  });
});
