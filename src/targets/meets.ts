import { MetricsError } from '../errors.js';
import { argumentError, assertFinite, assertInRange, show } from '../internal/assert.js';
import { type Unit, unitArg } from '../series/units.js';
import { Comparator, type Fact, type Tolerance } from './fact.js';

/**
 * What {@link meets} and {@link margin} need of a target. With a `fraction` unit, a plain figure's
 * precision is read from the percentage as written: 0.1 is "10 percent", precise to half a point.
 */
export type TargetTerms = Pick<Fact, 'value' | 'comparator'> & {
  readonly tolerance?: Tolerance | undefined;
  readonly unit?: Unit | undefined;
};

/**
 * The tolerance "about" gets when a target states none: ±5% of the stated value. An assumption of the
 * library, not of any document; seed facts always state their own.
 */
export const defaultAboutTolerance: Tolerance = Object.freeze({
  relative: 0.05,
  assumption: 'library default: "about X" read as X ± 5% of X when the fact states no tolerance',
});

/**
 * Half a unit in the last significant digit of a stated figure: the precision a plain statement
 * (`equals`) carries. 17.1 → 0.05; 4.3 → 0.05; 0.157 → 0.0005; 250 → 0.5.
 * @example
 * statedPrecision(17.1); // => 0.05
 */
export function statedPrecision(value: number): number {
  assertFinite('statedPrecision', { value });
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential().split('e');
  const decimals = (mantissa.split('.')[1] ?? '').length;
  // Trailing zeros of a whole number are not read as rounding: 250 is precise to the unit, as documented.
  return 0.5 * Math.pow(10, Math.min(0, Number(exponent) - decimals));
}

/**
 * The half-width of the band an `about` or `equals` target accepts: the wider of the absolute and
 * relative tolerance; for `equals` without a tolerance, the stated precision, of the percentage as
 * written when the unit is a fraction ("10 percent" is 9.5-10.5%, not 5-15%).
 */
export function toleranceWidth(target: TargetTerms): number {
  checkTerms('toleranceWidth', target?.value, target);
  const tol = target.tolerance ?? (target.comparator === 'about' ? defaultAboutTolerance : undefined);
  if (!tol) {
    if (target.comparator !== 'equals') return 0;
    if (target.unit?.kind !== 'fraction') return statedPrecision(target.value);
    // 0.157 * 100 is 15.700000000000001: round away the binary noise before reading the digits.
    const percent = target.value * 100;
    // A fraction past 1.8e306 overflows as a percentage; so large a figure is whole, precise to half a point.
    if (!Number.isFinite(percent)) return 0.005;
    return statedPrecision(Number(percent.toPrecision(12))) / 100;
  }
  const abs = tol.absolute ?? 0;
  const rel = (tol.relative ?? 0) * Math.abs(target.value);
  const width = Math.max(abs, rel);
  if (!Number.isFinite(width)) {
    throw new MetricsError(
      'degenerate',
      `toleranceWidth: the tolerance of ${target.value} overflows (got ${width}). Use a relative tolerance like 0.05.`,
      { value: target.value },
    );
  }
  return width;
}

function checkTerms(fn: string, value: number, target: TargetTerms): void {
  if (target === null || typeof target !== 'object') {
    throw argumentError(
      'invalid_argument',
      `${fn}: target must be an object { value, comparator, tolerance? } (got ${show(target)}).`,
      'target',
      'an object { value, comparator, tolerance? }',
      target,
    );
  }
  assertFinite(fn, { value, 'target.value': target.value });
  if (target.unit !== undefined) unitArg(fn, 'target.unit', target.unit);
  // Object.hasOwn, not `in`: "toString" is in every object and made margin return undefined.
  if (typeof target.comparator !== 'string' || !Object.hasOwn(Comparator, target.comparator)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: unknown comparator ${show(target.comparator)}. Use one of ${Object.keys(Comparator).join(', ')}.`,
      'target.comparator',
      `one of ${Object.keys(Comparator).join(', ')}`,
      target.comparator,
    );
  }
  const tol = target.tolerance;
  if (tol !== undefined) {
    if (tol === null || typeof tol !== 'object')
      throw argumentError(
        'invalid_argument',
        `${fn}: tolerance must be an object { relative?, absolute?, assumption } (got ${show(tol)}).`,
        'target.tolerance',
        'an object { relative?, absolute?, assumption }',
        tol,
      );
    for (const [name, v] of [
      ['relative', tol.relative],
      ['absolute', tol.absolute],
    ] as const) {
      if (v !== undefined)
        assertInRange(fn, `tolerance.${name}`, v, { min: 0 }, 'A tolerance is a half-width: 0.05 is ±5%.');
    }
  }
}

/**
 * Signed distance from failing: positive when `value` meets the target, by how much (in the target's
 * unit); negative when it misses, by how much. For `about`/`equals` it is the room left inside the band.
 * At the boundary of a strict comparator (`exceeds`, `below`) the margin is 0 and the target is not met.
 * @throws {MetricsError} non_finite for a value that is not finite; invalid_argument for an unknown
 *   comparator or a negative tolerance; degenerate when the distance overflows (1e308 against -1e308)
 * @example
 * margin(3.05, { value: 3, comparator: 'exceeds' }); // ≈ 0.05
 */
export function margin(value: number, target: TargetTerms): number {
  checkTerms('margin', value, target);
  const out = signedDistance(value, target);
  if (!Number.isFinite(out)) {
    throw new MetricsError(
      'degenerate',
      `margin: the distance from ${value} to ${target.value} overflows. Compare values of a sensible magnitude.`,
      { value, target: target.value },
    );
  }
  return out;
}

function signedDistance(value: number, target: TargetTerms): number {
  switch (target.comparator) {
    case 'exceeds':
    case 'atLeast':
      return value - target.value;
    case 'atMost':
    case 'below':
      return target.value - value;
    case 'about':
    case 'equals':
      return toleranceWidth(target) - Math.abs(value - target.value);
  }
}

/**
 * Does a value meet a target, read with the target's comparator? `exceeds` is strictly above, `atLeast`
 * at or above, `atMost` at or below, `below` strictly below, `about` within the tolerance (default
 * {@link defaultAboutTolerance}), `equals` within the tolerance or, without one, the stated precision.
 * @throws {MetricsError} as {@link margin}
 * @example
 * meets(3.0517578125, { value: 3, comparator: 'exceeds' }); // => true
 * meets(0.2457, { value: 0.25, comparator: 'about', tolerance: { absolute: 0.01, assumption: '±1 point' } }); // => true
 */
export function meets(value: number, target: TargetTerms): boolean {
  const m = margin(value, target);
  const strict = target.comparator === 'exceeds' || target.comparator === 'below';
  // Values computed by compounding carry rounding noise: accept a relative 1e-12 at closed boundaries.
  const eps = 1e-12 * Math.max(Math.abs(target.value), Math.abs(value));
  return strict ? m > 0 : m >= -eps;
}
