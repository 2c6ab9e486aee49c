import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { trajectoryChart } from '../../src/charts/trajectoryChart.js';
import { fanChart } from '../../src/charts/fanChart.js';
import { waterfallChart } from '../../src/charts/waterfallChart.js';
import { distributionChart } from '../../src/charts/distributionChart.js';
import { contributionChart } from '../../src/charts/contributionChart.js';
import { stackedAreaChart } from '../../src/charts/stackedAreaChart.js';
import { tornadoChart } from '../../src/charts/tornadoChart.js';
import { type TextMetrics, useFontMetrics } from '../../src/internal/measureText.js';
import { scorecardChart } from '../../src/charts/scorecardChart.js';
import { forecastChart } from '../../src/charts/forecastChart.js';
import { scenarioComparisonChart } from '../../src/charts/scenarioComparisonChart.js';
import { accuracyChart } from '../../src/charts/accuracyChart.js';
import { actuals, fanInput, paths, periods, sample, scorecardRows, target2020, target2025 } from './fixtures.js';

// Layout: every builder rendered with long names in both locales; vega's scenegraph gives each text's
// bounding box (vega's own text metrics, the ones its SVG and PNG output use). No visible text may
// overlap another text or a bar or marker, and the canvas may not grow past the stated width plus room
// for axes and a legend. accuracyChart (issue 16) is here with long method names and three panels, and its
// value labels must also keep off the benchmark line.

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  text?: string;
  mark: string;
}
interface SceneItem {
  x?: number;
  y?: number;
  bounds: { x1: number; y1: number; x2: number; y2: number };
  text?: unknown;
  opacity?: number;
  items?: SceneNode[];
}
interface SceneNode {
  marktype: string;
  name?: string;
  role?: string;
  items: SceneItem[];
}

function collect(node: SceneNode, dx: number, dy: number, out: Box[]): void {
  for (const item of node.items) {
    const b = item.bounds;
    if (node.marktype === 'text' && item.opacity !== 0 && item.text !== undefined && String(item.text) !== '') {
      out.push({
        x1: b.x1 + dx,
        y1: b.y1 + dy,
        x2: b.x2 + dx,
        y2: b.y2 + dy,
        text: String(item.text),
        mark: node.name ?? node.role ?? 'text',
      });
    } else if (
      (node.marktype === 'rect' || node.marktype === 'symbol') &&
      node.role === 'mark' &&
      !/period|legend/u.test(node.name ?? '') &&
      item.opacity !== 0
    ) {
      out.push({ x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy, mark: node.name ?? node.marktype });
    }
    if (node.marktype === 'group')
      for (const child of item.items ?? []) collect(child, dx + (item.x ?? 0), dy + (item.y ?? 0), out);
  }
}

async function layout(spec: TopLevelSpec): Promise<{ boxes: Box[]; width: number }> {
  // The text widths toSvg gives vega: those of the fonts the PNG is drawn with.
  useFontMetrics((vega as unknown as { textMetrics: TextMetrics }).textMetrics);
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  await view.runAsync();
  const boxes: Box[] = [];
  const root = (view.scenegraph() as unknown as { root: SceneNode }).root;
  collect(root, view.origin()[0], view.origin()[1], boxes);
  const svg = await view.toSVG();
  view.finalize();
  return { boxes, width: Number(/width="(\d+(?:\.\d+)?)"/u.exec(svg)?.[1]) };
}

const overlaps = (a: Box, b: Box): boolean =>
  Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 1 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 1;

const longSectors = {
  en: [
    'General purpose software and services',
    'Industry applications of big data',
    'Data storage and computing hardware',
  ],
  zh: ['通用软件与信息技术服务业务', '大数据行业应用解决方案', '数据存储与计算硬件设备'],
};
const longTitle = {
  en: 'Big data industry revenue under the 14th Five-Year Plan scenarios, with the plan targets and the reported actuals',
  zh: '十四五规划情景下的大数据产业营业收入、规划目标与已公布的实际值对比',
};

const longSource = {
  en: 'Source: Ministry of Industry and Information Technology, 14th Five-Year Plan for Big Data Industry Development (2021); observations from MIIT via Xinhua (2021) and China Banking News (2023); own simulation, 20,000 paths, seed 1',
  zh: '来源：工业和信息化部《“十四五”大数据产业发展规划》（2021年）；观测值来自新华社（2021年）和中国银行业新闻（2023年）；本报告模拟，20,000条路径，种子1',
};

/** Three panels, long method names, OWA scores just under the benchmark (their labels would cross its line). */
const accuracy = (locale: 'en' | 'zh'): TopLevelSpec =>
  accuracyChart(
    {
      rows: [...longSectors[locale], 'Naive'].flatMap((method, i) => [
        { method, metric: 'sMAPE', value: 12.3 + 1.7 * i },
        { method, metric: 'MASE', value: 1.234 + 0.21 * i },
        { method, metric: 'OWA', value: 0.96 + 0.013 * i },
      ]),
    },
    { locale, title: longTitle[locale], source: longSource[locale] },
  );

const builders: readonly [string, (locale: 'en' | 'zh') => TopLevelSpec][] = [
  ['accuracyChart', accuracy],
  [
    'trajectoryChart',
    (locale) =>
      trajectoryChart(
        {
          rows: paths([
            ['low growth scenario', 0.1],
            ['base', 0.15],
            ['high growth scenario', 0.2],
          ]),
          targets: [target2020, target2025],
          actuals,
          periods,
        },
        { unit: 'CNY trillion', locale, title: longTitle[locale], source: longSource[locale] },
      ),
  ],
  [
    'fanChart',
    (locale) =>
      fanChart(fanInput(), { unit: 'CNY trillion', locale, title: longTitle[locale], source: longSource[locale] }),
  ],
  [
    'scorecardChart',
    (locale) =>
      scorecardChart({ rows: scorecardRows }, { locale, title: longTitle[locale], source: longSource[locale] }),
  ],
  [
    'waterfallChart',
    (locale) =>
      waterfallChart(
        {
          baseYear: 2020,
          baseValue: 1,
          targetYear: 2025,
          changes: longSectors[locale].map((sector, i) => ({ sector, change: 0.4 - 0.1 * i })),
        },
        { unit: 'CNY trillion', locale, source: longSource[locale] },
      ),
  ],
  [
    'distributionChart',
    (locale) =>
      distributionChart(
        { values: sample(), year: 2025, target: target2025 },
        { unit: 'CNY trillion', locale, title: longTitle[locale] },
      ),
  ],
  [
    'distributionChart.cdf',
    (locale) =>
      distributionChart(
        { values: sample(), year: 2025, target: target2025 },
        { unit: 'CNY trillion', locale, kind: 'cdf' },
      ),
  ],
  [
    'contributionChart',
    (locale) =>
      contributionChart(
        {
          rows: [2021, 2022, 2023].flatMap((year) =>
            longSectors[locale].map((sector, i) => ({ sector, year, contribution: 0.02 + 0.01 * i })),
          ),
        },
        { unit: 'fraction', locale, title: longTitle[locale] },
      ),
  ],
  [
    'stackedAreaChart',
    (locale) =>
      stackedAreaChart(
        {
          rows: longSectors[locale].flatMap((sector, i) =>
            [2020, 2021, 2022, 2023].map((year) => ({ sector, year, value: (1 + i) * 0.3 })),
          ),
        },
        { unit: 'CNY trillion', locale, title: longTitle[locale] },
      ),
  ],
  [
    'tornadoChart',
    (locale) =>
      tornadoChart(
        {
          base: 3,
          rows: longSectors[locale].map((parameter, i) => ({ parameter, low: 2.8 - 0.1 * i, high: 3.2 + 0.1 * i })),
        },
        { unit: 'CNY trillion', locale, title: longTitle[locale] },
      ),
  ],
  [
    'scenarioComparisonChart',
    (locale) =>
      scenarioComparisonChart(
        {
          rows: paths([
            [longSectors[locale][0] as string, 0.1],
            [longSectors[locale][1] as string, 0.15],
          ]),
          targets: [target2025],
        },
        { unit: 'CNY trillion', locale, title: longTitle[locale], source: longSource[locale] },
      ),
  ],
  [
    'scenarioComparisonChart.facets',
    (locale) =>
      scenarioComparisonChart(
        {
          rows: paths(longSectors[locale].map((name, i) => [name, 0.05 + 0.05 * i] as [string, number])),
          targets: [target2025],
        },
        { unit: 'CNY trillion', locale, title: longTitle[locale], source: longSource[locale], facetAbove: 2 },
      ),
  ],
  [
    'forecastChart',
    (locale) =>
      forecastChart(
        {
          history: [2015, 2016, 2017, 2018, 2019, 2020].map((year) => ({ year, value: 0.5 * 1.15 ** (year - 2015) })),
          forecasts: longSectors[locale].slice(0, 2).flatMap((series, k) =>
            [2021, 2022, 2023, 2024, 2025].flatMap((year) => {
              const h = year - 2020;
              const value = 1.006 * (1 + (0.1 + 0.05 * k) * h);
              return [0.8, 0.95].map((level) => ({
                series,
                year,
                value,
                level,
                lower: value - (level === 0.8 ? 0.08 : 0.13) * h,
                upper: value + (level === 0.8 ? 0.08 : 0.13) * h,
              }));
            }),
          ),
          targets: [target2025],
        },
        { unit: 'CNY trillion', locale, title: longTitle[locale], source: longSource[locale] },
      ),
  ],
];

describe.each(['en', 'zh'] as const)('layout with long names (%s)', (locale) => {
  it.each(builders)('%s: no text overlaps a text or a mark, canvas within the width', async (_name, build) => {
    const spec = build(locale);
    const { boxes, width } = await layout(spec);
    const texts = boxes.filter((b) => b.text !== undefined);
    const marks = boxes.filter((b) => b.text === undefined);
    expect(texts.length).toBeGreaterThan(3);
    const clashes: string[] = [];
    texts.forEach((a, i) => {
      for (const b of texts.slice(i + 1)) if (overlaps(a, b)) clashes.push(`"${a.text}" / "${b.text}"`);
      for (const m of marks)
        if (!/sectorLabels/u.test(a.mark) && overlaps(a, m)) clashes.push(`"${a.text}" / ${m.mark}`);
    });
    expect(clashes).toEqual([]);
    // 640 px plot (default) plus axes and a right-hand legend; a long title used to make it 2,592 px.
    expect(width).toBeLessThanOrEqual(640 + 330);
    for (const t of texts) expect(t.x2).toBeLessThanOrEqual(width + 0.5);
  });
});

describe.each(['en', 'zh'] as const)('accuracyChart (%s)', (locale) => {
  it('method names whole (wrapped, never cut), canvas within 640 px, value labels off the benchmark line', async () => {
    useFontMetrics((vega as unknown as { textMetrics: TextMetrics }).textMetrics);
    const view = new View(parse(compile(accuracy(locale)).spec), { renderer: 'none' });
    await view.runAsync();
    const texts: Box[] = [];
    const rules: Box[] = [];
    const walk = (node: SceneNode, dx: number, dy: number): void => {
      for (const item of node.items) {
        const b = item.bounds;
        const box = { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy, mark: node.name ?? node.role ?? '' };
        if (node.marktype === 'text' && item.text !== undefined)
          texts.push({ ...box, text: [item.text].flat().join(' ') });
        if (node.marktype === 'rule' && /reference/u.test(node.name ?? '')) rules.push(box);
        if (node.marktype === 'group')
          for (const child of item.items ?? []) walk(child, dx + (item.x ?? 0), dy + (item.y ?? 0));
      }
    };
    walk((view.scenegraph() as unknown as { root: SceneNode }).root, view.origin()[0], view.origin()[1]);
    const svg = await view.toSVG();
    view.finalize();
    const width = Number(/width="(\d+(?:\.\d+)?)"/u.exec(svg)?.[1]);
    expect(width).toBeLessThanOrEqual(640 + 40);
    // Every method name appears whole (its lines joined), none with an ellipsis.
    const shown = texts.map((t) => t.text ?? '');
    for (const m of longSectors[locale])
      expect(shown.some((t) => t.replace(/ /gu, '') === m.replace(/ /gu, ''))).toBe(true);
    expect(shown.filter((t) => t.includes('…'))).toEqual([]);
    // The OWA labels (0.96, 0.973, 0.986 under the line at 1) do not touch the dashed benchmark line.
    expect(rules.length).toBeGreaterThan(0);
    const labels = texts.filter((t) => /scoreLabels/u.test(t.mark));
    expect(labels.length).toBe(12);
    const crossing = labels.filter((l) => rules.some((r) => overlaps(l, { ...r, x1: r.x1 - 1, x2: r.x2 + 1 })));
    expect(crossing.map((l) => l.text)).toEqual([]);
  });
});
