import { type Unit, unitArg } from '../../series/units.js';

/**
 * The d3-format string for a value axis in `unit`: percentages for fractions (`.1~%`: 0.25 is `25%`,
 * 0.012 is `1.2%`), otherwise grouped digits with up to 4 significant figures and no trailing zeros
 * (`,.4~r`: `1,200`, `3.05`, `0.5`). The unit itself goes in the axis title ({@link axisTitle}).
 * @example
 * axisFormat('fraction'); // => '.1~%'
 * axisFormat('CNY trillion'); // => ',.4~r'
 */
export function axisFormat(unit: string | Unit): string {
  return unitArg('axisFormat', 'unit', unit).kind === 'fraction' ? '.1~%' : ',.4~r';
}
