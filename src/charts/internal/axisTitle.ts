import type { Unit } from '../../series/units.js';
import { argumentError, show } from '../../internal/assert.js';
import { unitLabel } from './unitLabel.js';
import type { Locale } from '../../series/locale.js';

/**
 * A value axis title that says the unit: `Revenue (RMB trillion)`, `营业收入（万亿元）`. With no
 * measure, the unit alone (`RMB trillion`); with a unit that has no label (a plain count), the measure alone.
 * @example
 * axisTitle('Revenue', 'CNY trillion'); // => 'Revenue (RMB trillion)'
 * axisTitle('营业收入', 'CNY trillion', 'zh'); // => '营业收入（万亿元）'
 */
export function axisTitle(measure: string | undefined, unit: string | Unit, locale: Locale = 'en'): string {
  if (measure !== undefined && typeof measure !== 'string') {
    throw argumentError(
      'invalid_argument',
      `axisTitle: measure must be text, or left out (got ${show(measure)}).`,
      'measure',
      'text, or left out',
      measure,
    );
  }
  const label = unitLabel(unit, locale);
  if (measure === undefined || measure.trim() === '')
    return label === '' ? (locale === 'zh' ? '数值' : 'Value') : label;
  if (label === '') return measure;
  return locale === 'zh' ? `${measure}（${label}）` : `${measure} (${label})`;
}
