// The report's interactive trajectory chart: a slider for the growth rate (a Vega-Lite parameter bound to a
// range input) redraws the deterministic path from the model's base and the gap to the final target in the
// browser. Static SVG/PNG output keeps the plain chart.
import type { TopLevelSpec } from 'vega-lite';
import type { ModelDefinition } from '../../spec/types.js';
import { describeFact } from '../../targets/describeFact.js';
import { describeFactZh, unitText } from '../reportWords.js';
import type { Locale } from '../../series/locale.js';
import { convertScale } from '../../series/units.js';

type Json = Record<string, unknown>;

/**
 * The trajectory spec with a growth-rate slider (parameter `rate`, from the plan's rate ± 15 points), a
 * dashed line for the path at that rate from the model's base, and a line of text under the chart with the
 * level it reaches in the final target's year and its gap to the target.
 * @param spec a trajectoryChart spec made with a source line (a vertical concatenation)
 * @param model the model (its base, years and last target)
 * @param planRate the plan's yearly rate, where the slider starts
 * @param locale words of the slider and the readout
 */
export function whatIfSpec(spec: TopLevelSpec, model: ModelDefinition, planRate: number, locale: Locale): TopLevelSpec {
  const s = structuredClone(spec) as unknown as Json & { vconcat?: Json[] };
  const chart = (s.vconcat?.[0] ?? s) as Json & { layer: Json[] };
  const lines = chart.layer.find((l) => l.name === 'scenarios') as Json & { encoding: Json };
  const target = [...model.targets].sort((a, b) => a.year - b.year).at(-1);
  if (target === undefined) return spec;
  const { x, y } = lines.encoding as { x: Json; y: Json };
  const base = model.base.value;
  const from = model.fromYear;
  const targetValue = convertScale(target.value, target.unit, model.unit);
  const years = Array.from({ length: model.toYear - from + 1 }, (_, i) => ({ year: from + i }));
  const zh = locale === 'zh';
  const unit = unitText(model.unit, locale);
  const money = (e: string) =>
    zh
      ? `format(${e}, '.3') + '${unit}'`
      : `'${unit.replace(/ .*/, '')} ' + format(${e}, '.3') + '${unit.replace(/^\S+ ?/, ' ')}'`;
  const what = zh ? describeFactZh(target) : describeFact(target);
  const readout = zh
    ? `'年增长率为' + format(rate, '.1%') + '时，' + '${target.year}年达到' + ${money('level')} + '，比目标（${what}）' + (gap >= 0 ? '高' : '低') + format(abs(gap), '.1%')`
    : `'At ' + format(rate, '.1%') + ' a year from ${from}: ' + ${money('level')} + ' in ${target.year}, ' + format(abs(gap), '.1%') + (gap >= 0 ? ' above' : ' below') + ' the target (${what})'`;
  chart.layer = [
    ...chart.layer,
    {
      name: 'whatIf',
      data: { values: years },
      transform: [{ calculate: `${base} * pow(1 + rate, datum.year - ${from})`, as: 'value' }],
      mark: { type: 'line', color: '#000000', strokeDash: [3, 3], strokeWidth: 2 },
      encoding: {
        x,
        y,
        tooltip: [
          { field: 'year', title: zh ? '年份' : 'Year' },
          { field: 'value', title: zh ? '水平' : 'Level', format: '.3' },
        ],
      },
    },
  ];
  const text = {
    name: 'whatIfReadout',
    width: chart.width,
    height: 16,
    data: { values: [{}] },
    transform: [
      { calculate: `${base} * pow(1 + rate, ${target.year - from})`, as: 'level' },
      { calculate: `datum.level / ${targetValue} - 1`, as: 'gap' },
      { calculate: readout.replace(/\blevel\b/g, 'datum.level').replace(/\bgap\b/g, 'datum.gap'), as: 'readout' },
    ],
    mark: { type: 'text', align: 'left', baseline: 'top', fontSize: 12, fontWeight: 'bold', color: '#111' },
    encoding: { text: { field: 'readout', type: 'nominal' }, x: { value: 0 }, y: { value: 0 } },
  };
  s.params = [
    {
      name: 'rate',
      value: planRate,
      bind: {
        input: 'range',
        min: Math.round((planRate - 0.15) * 1000) / 1000,
        max: Math.round((planRate + 0.15) * 1000) / 1000,
        step: 0.005,
        name: zh ? '年增长率（虚线）' : 'Growth rate a year (dashed line) ',
      },
    },
  ];
  if (s.vconcat) s.vconcat = [chart, text, ...s.vconcat.slice(1)];
  return s as unknown as TopLevelSpec;
}
