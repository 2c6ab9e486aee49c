// Not exported from the package: the plausibility bounds shared by the API and the model-file checks, so a
// percent written where a fraction belongs ("25" for 25%) is caught the same way in both.
import { MetricsError } from '../errors.js';
import { assertFinite } from './assert.js';

/**
 * The largest yearly growth rate (and level shock) accepted: 3 is 300% a year, the level times four.
 * Above it a number is far more likely a percent than a fraction (25 meaning 25%).
 */
export const MAX_RATE = 3;

/**
 * The largest volatility (standard deviation of the yearly log-growth deviation) accepted: 1, with which a
 * single year's 95% band already spans a factor of 50. Above it a number is far more likely a percent.
 */
export const MAX_VOLATILITY = 1;

/** What a plausibility-checked fraction is, for the bound and the words of the message. */
export const FractionKind = {
  /** A yearly growth rate or a level shock: > -1 (checked elsewhere) and at most MAX_RATE. */
  rate: 'rate',
  /** A standard deviation of log-growth: at most MAX_VOLATILITY. */
  volatility: 'volatility',
  /** A share or a probability: in [0, 1]. */
  share: 'share',
} as const;
export type FractionKind = keyof typeof FractionKind;

/** `0.028` for 2.8: the fraction a percent stands for, without the float noise of 2.8 / 100 (0.027999999999999997). */
export function asFraction(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

const BOUND: Readonly<Record<FractionKind, number>> = { rate: MAX_RATE, volatility: MAX_VOLATILITY, share: 1 };
const WORDS: Readonly<Record<FractionKind, string>> = {
  rate: `at most ${MAX_RATE} (${MAX_RATE * 100}% a year)`,
  volatility: `at most ${MAX_VOLATILITY} (a yearly log-growth standard deviation of ${MAX_VOLATILITY * 100}%)`,
  share: 'at most 1 (100%)',
};

/**
 * Why `value` is not a plausible fraction of this kind (`expected a fraction, got 25 (did you mean 0.25?)`),
 * or undefined when it is. Only the upper bound is checked here; the lower bounds (> -1, >= 0) stay
 * with each caller, whose messages say what they mean there. Used by parseModel for its "path: problem"
 * lines and by {@link assertPlausible} for the API's errors.
 */
export function implausibleFraction(value: number, kind: FractionKind): string | undefined {
  if (!(value > BOUND[kind])) return undefined;
  const hint = value <= 100 ? ` (did you mean ${asFraction(value)}?)` : '';
  return `expected a fraction ${WORDS[kind]}, got ${value}${hint}`;
}

/**
 * Throws invalid_argument when `value` is above the plausible bound of its kind, with the fraction it
 * probably stands for: `compound: rate must be a fraction at most 3 (300% a year) (got 25). Did you mean 0.25?`
 * Non-numbers and non-finite numbers get the usual assertFinite errors.
 */
export function assertPlausible(fn: string, name: string, value: unknown, kind: FractionKind): void {
  assertFinite(fn, { [name]: value });
  const v = value as number;
  if (!(v > BOUND[kind])) return;
  const hint =
    v <= 100
      ? ` Did you mean ${asFraction(v)}? Rates, volatilities and shares are fractions: 0.25 is 25%.`
      : ' Rates, volatilities and shares are fractions: 0.25 is 25%.';
  throw new MetricsError('invalid_argument', `${fn}: ${name} must be a fraction ${WORDS[kind]} (got ${v}).${hint}`, {
    [name]: v,
    bound: BOUND[kind],
  });
}
