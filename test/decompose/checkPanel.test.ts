import { describe, expect, it } from 'vitest';
import { shares } from '../../src/decompose/shares.js';
import { reconcile } from '../../src/decompose/reconcile.js';
import { contributionQuantiles } from '../../src/decompose/contributionQuantiles.js';
import { parseUnit } from '../../src/series/units.js';
import type { Panel } from '../../src/decompose/types.js';
import { thrown } from '../helpers/thrown.js';

const unit = parseUnit('CNY billion');
const ok: Panel = {
  unit,
  years: [2020, 2021],
  sectors: ['a', 'b'],
  values: [
    [1, 2],
    [3, 4],
  ],
  total: [4, 6],
};

describe('hand-built panels are checked by every function', () => {
  it.each([
    ['no years', { ...ok, years: [] }],
    ['fractional year', { ...ok, years: [2020, 2020.5] }],
    ['no sectors', { ...ok, sectors: [], values: [] }],
    ['empty sector name', { ...ok, sectors: ['a', ''] }],
    ['duplicate sector', { ...ok, sectors: ['a', 'a'] }],
    ['reserved (residual)', { ...ok, sectors: ['a', '(residual)'] }],
    ['one row missing', { ...ok, values: [[1, 2]] }],
    ['short total', { ...ok, total: [4] }],
    [
      'text value',
      {
        ...ok,
        values: [
          [1, '2'],
          [3, 4],
        ],
      },
    ],
    ['not an object', null],
  ])('shares(%s) throws invalid_argument', (_, p) => {
    expect(thrown(() => shares(p as unknown as Panel))).toMatchObject({ code: 'invalid_argument' });
  });
  it('an infinite total throws non_finite naming the year', () => {
    expect(thrown(() => shares({ ...ok, total: [4, Number.POSITIVE_INFINITY] }))).toMatchObject({
      code: 'non_finite',
      details: { year: 2021 },
    });
  });
  it('the input panel is not changed by any function', () => {
    const p: Panel = JSON.parse(JSON.stringify(ok));
    shares(p);
    reconcile(p, { method: 'ols' });
    expect(p).toEqual(ok);
  });
});

describe('more reconcile and contributionQuantiles errors', () => {
  it('wls without weights and mint with a non-square or non-finite covariance throw invalid_argument', () => {
    expect(thrown(() => reconcile(ok, { method: 'wls' }))).toMatchObject({ code: 'invalid_argument' });
    expect(
      thrown(() =>
        reconcile(ok, {
          method: 'mint',
          covariance: [
            [1, 0],
            [0, 1],
          ],
        }),
      ),
    ).toMatchObject({ code: 'invalid_argument' });
    expect(
      thrown(() =>
        reconcile(ok, {
          method: 'mint',
          covariance: [
            [1, 0, 0],
            [0, Number.NaN, 0],
            [0, 0, 1],
          ],
        }),
      ),
    ).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => reconcile(ok, { method: 'topDown', proportions: [-0.5, 1.5] }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('contributionQuantiles with a non-finite stated total or duplicate sectors throws', () => {
    const base = { sectors: ['a'], fromYear: 2020, toYear: 2021, base: [[1]], end: [[2]] };
    expect(thrown(() => contributionQuantiles({ ...base, total: { base: [Number.NaN], end: [1] } }))).toMatchObject({
      code: 'non_finite',
      details: { path: 0 },
    });
    expect(
      thrown(() => contributionQuantiles({ ...base, sectors: ['a', 'a'], base: [[1, 1]], end: [[1, 1]] })),
    ).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => contributionQuantiles({ ...base, base: 'x' as unknown as number[][] }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
});
