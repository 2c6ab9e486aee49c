import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fanChart } from '../../src/charts/fanChart.js';
import { formatQuantities } from '../../src/charts/formatQuantities.js';
import { measureText } from '../../src/internal/measureText.js';
import { scorecardChart } from '../../src/charts/scorecardChart.js';
import { trajectoryChart } from '../../src/charts/trajectoryChart.js';
import { toSvg } from '../../src/render/toSvg.js';
import { thrown } from '../helpers/thrown.js';
import { actuals, fanInput, paths, SOURCE, scorecardRows, target2025 } from './fixtures.js';

type Spec = Record<string, unknown> & { layer?: Record<string, unknown>[]; vconcat?: Record<string, unknown>[] };
const layersOf = (spec: unknown): Record<string, unknown>[] => {
  const s = spec as Spec;
  return (s.layer ?? (s.vconcat?.[0] as Spec | undefined)?.layer ?? []) as Record<string, unknown>[];
};
const valuesOf = (spec: unknown, name: string): Record<string, unknown>[] =>
  ((layersOf(spec).find((l) => l.name === name)?.data as { values?: unknown[] } | undefined)?.values ?? []) as Record<
    string,
    unknown
  >[];

describe('fanChart start', () => {
  it('fanChart({ start: 2020 }) opens the bands and the median at the start, zero width', () => {
    const spec = fanChart(fanInput(), { unit: 'CNY trillion' });
    const bands = valuesOf(spec, 'bands').filter((b) => b.year === 2020);
    expect(bands).toHaveLength(2);
    for (const b of bands) expect([b.lower, b.upper]).toEqual([1, 1]);
    expect(valuesOf(spec, 'median')[0]).toMatchObject({ year: 2020, value: 1 });
  });
  it('fanChart with start.year inside the simulated years throws invalid_argument', () => {
    expect(
      thrown(() => fanChart({ ...fanInput(), start: { year: 2021, value: 1 } }, { unit: 'CNY trillion' })),
    ).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/fanChart: start.year must come before the first simulated year 2021/),
    });
  });
});

describe('legend titles and markers', () => {
  const markerTitle = (spec: unknown): unknown =>
    (
      layersOf(spec).find((l) => l.name === 'targets' || l.name === 'actuals')?.encoding as Record<
        string,
        { title?: unknown }
      >
    )?.shape?.title;
  const rows = paths([['base', 0.1]]);
  it('trajectoryChart with targets only: the legend says "Plan targets"', () => {
    expect(markerTitle(trajectoryChart({ rows, targets: [target2025] }, { unit: 'CNY trillion' }))).toBe(
      'Plan targets',
    );
  });
  it('trajectoryChart with observations only: "Observations"', () => {
    expect(markerTitle(trajectoryChart({ rows, actuals }, { unit: 'CNY trillion' }))).toBe('Observations');
  });
  it('trajectoryChart with both: "Targets and observations"; a floor is an open circle', () => {
    const spec = trajectoryChart({ rows, actuals, targets: [target2025] }, { unit: 'CNY trillion' });
    expect(markerTitle(spec)).toBe('Targets and observations');
    const actualLayer = layersOf(spec).find((l) => l.name === 'actuals') as {
      encoding: Record<string, { scale: { domain: string[]; range: string[] } }>;
    };
    const fill = actualLayer.encoding['fill'];
    expect(fill?.scale.range[fill.scale.domain.indexOf('Observed: more than (a floor)')]).toBe('#ffffff');
  });
  it('trajectoryChart offsets target markers right of their year, joined by a leader', () => {
    const spec = trajectoryChart({ rows, targets: [target2025] }, { unit: 'CNY trillion' });
    const targets = layersOf(spec).find((l) => l.name === 'targets') as { mark: { xOffset: number } };
    const leaders = layersOf(spec).find((l) => l.name === 'targetLeaders') as { mark: { x2Offset: number } };
    expect(targets.mark.xOffset).toBe(13);
    expect(leaders.mark.x2Offset).toBe(13);
  });
});

describe('source line', () => {
  it('trajectoryChart({ source }) writes the source under the chart in the SVG', async () => {
    const spec = trajectoryChart({ rows: paths([['base', 0.1]]) }, { unit: 'CNY trillion', source: SOURCE });
    expect((spec as unknown as Spec).vconcat).toHaveLength(2);
    expect(await toSvg(spec, { validate: false })).toContain(SOURCE);
  });
  it('trajectoryChart with an empty source throws invalid_argument', () => {
    expect(
      thrown(() => trajectoryChart({ rows: paths([['b', 0.1]]) }, { unit: 'CNY trillion', source: ' ' })),
    ).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/trajectoryChart: options.source must be a non-empty string/),
    });
  });
});

describe('scorecardChart', () => {
  it('scorecardChart({ rows }) places each observation at its share of the target', () => {
    const data = (
      (scorecardChart({ rows: scorecardRows }) as unknown as Spec).data as { values: Record<string, unknown>[] }
    ).values;
    // 1.57 / 3 = 0.5233…; 170 / 250 = 0.68.
    expect(data.map((d) => d.ratio)).toEqual([1, 0.5233333333, 0.68, 0]);
    expect(data.map((d) => d.status)).toEqual(['Met', 'Off track', 'Undetermined', 'Undetermined']);
  });
  it('scorecardChart in zh names the statuses in Chinese', () => {
    const data = (
      (scorecardChart({ rows: scorecardRows }, { locale: 'zh' }) as unknown as Spec).data as {
        values: Record<string, unknown>[];
      }
    ).values;
    expect(data.map((d) => d.status)).toEqual(['已实现', '进度落后', '无法判断', '无法判断']);
  });
  it('scorecardChart({ rows: [] }) throws invalid_argument', () => {
    expect(thrown(() => scorecardChart({ rows: [] }))).toMatchObject({ code: 'invalid_argument' });
  });
  it('scorecardChart with an unknown status or a target <= 0 throws invalid_argument', () => {
    const row = scorecardRows[1] as (typeof scorecardRows)[number];
    expect(thrown(() => scorecardChart({ rows: [{ ...row, status: 'late' as 'met' }] }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/rows\[0\]\.status must be one of met, missed/),
    });
    expect(thrown(() => scorecardChart({ rows: [{ ...row, status: 'toString' as 'met' }] }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/rows\[0\]\.status must be one of met, missed/),
    });
    expect(thrown(() => scorecardChart({ rows: [{ ...row, targetValue: 0 }] }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
});

describe('formatQuantities', () => {
  it('formatQuantities([2.7, 3.0517578125], "CNY trillion") writes both with two decimals', () => {
    expect(formatQuantities([2.7, 3.0517578125], 'CNY trillion')).toEqual(['RMB 2.70 trillion', 'RMB 3.05 trillion']);
  });
  it('formatQuantities of rates writes whole percents when they are whole', () => {
    expect(formatQuantities([0.28, -0.05, 0.25], 'fraction')).toEqual(['28%', '-5%', '25%']);
    expect(formatQuantities([0.241, 0.18], 'fraction')).toEqual(['24.1%', '18.0%']);
  });
  it('formatQuantities with signed: + and − (U+2212), one scale for the column', () => {
    expect(formatQuantities([1, 0.326, -0.1], 'CNY trillion', { signed: true })).toEqual([
      '+RMB 1.00 trillion',
      '+RMB 0.33 trillion',
      '−RMB 0.10 trillion',
    ]);
  });
  it('formatQuantities in zh uses 万亿 and 亿 without grouping', () => {
    expect(formatQuantities([250, 219.4], 'CNY billion', { locale: 'zh' })).toEqual(['2500亿元', '2194亿元']);
  });
  it('formatQuantities with a misspelt option throws, naming the right one', () => {
    expect(() => formatQuantities([0.3], 'fraction', { digit: 2 } as never)).toThrow(
      /^formatQuantities: unknown option "digit".*Did you mean digits\?/,
    );
  });
  it('formatQuantities([NaN]) throws non_finite', () => {
    expect(thrown(() => formatQuantities([Number.NaN], 'CNY trillion'))).toMatchObject({ code: 'non_finite' });
  });
  it('every value of a column gets the same number of decimals', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.001, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 8 }), (vs) => {
        const decimals = formatQuantities(vs, 'CNY billion').map((t) => /\.(\d+)/.exec(t)?.[1]?.length ?? 0);
        return new Set(decimals).size === 1;
      }),
    );
  });
});

describe('measureText', () => {
  it('measureText: CJK characters are 1 em; DejaVu digits 0.636 em', () => {
    expect(measureText('中位数', 10, { cjk: true })).toBe(30);
    expect(measureText('2025', 10)).toBeCloseTo(4 * 6.36, 6);
  });
});
