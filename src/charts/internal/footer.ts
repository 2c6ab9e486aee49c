// The source line under a chart: what the numbers come from and the run's settings ("Source: MIIT (2021);
// own simulation, 20,000 paths, seed 1"), so a PNG, SVG or printed page carries them without tooltips.
import type { TopLevelSpec } from 'vega-lite';
import { toDisplayable } from '../../render/toDisplayable.js';
import { wrapText } from './wrap.js';

/** Legend channels kept with the chart (not merged below the source line). */
const LEGEND_CHANNELS = ['color', 'fill', 'stroke', 'shape', 'strokeDash', 'size', 'opacity'] as const;

/** Font size of the source line, px. */
export const SOURCE_FONT_SIZE = 10;

/**
 * The spec with its source line below the plot, axes and legends (a vertical concatenation of the chart
 * and a one-mark text view, the title kept on top); the spec itself when there is no source. Either way it
 * draws itself as a notebook cell's last value (toDisplayable).
 * @param spec a builder's spec
 * @param source the source line, or undefined
 * @param width the width the line wraps within (the plot's)
 */
export function withSource(spec: TopLevelSpec, source: string | undefined, width: number): TopLevelSpec {
  if (source === undefined) return toDisplayable(spec);
  const { $schema, title, config, ...chart } = spec as unknown as Record<string, unknown>;
  const wrapped = wrapText(source, width, SOURCE_FONT_SIZE);
  const lines = typeof wrapped === 'string' ? [wrapped] : wrapped;
  return toDisplayable({
    $schema,
    ...(title === undefined ? {} : { title }),
    ...(config === undefined ? {} : { config }),
    spacing: 12,
    resolve: { legend: Object.fromEntries(LEGEND_CHANNELS.map((c) => [c, 'independent'])) },
    vconcat: [
      chart,
      {
        name: 'source',
        width,
        height: lines.length * (SOURCE_FONT_SIZE + 3),
        data: { values: [{ source: lines }] },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'top',
          fontSize: SOURCE_FONT_SIZE,
          color: '#444',
          lineHeight: 13,
        },
        encoding: { text: { field: 'source', type: 'nominal' }, x: { value: 0 }, y: { value: 0 } },
      },
    ],
  } as unknown as TopLevelSpec);
}
