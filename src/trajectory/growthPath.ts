import type { PathSpec, ResolvedValue } from '../spec/types.js';
import { argumentError, assertFinite, assertOptions, optionNames, show } from '../internal/assert.js';
import { anchorsPath } from './anchorsPath.js';
import { cagrPath } from './cagrPath.js';
import { expressionPath } from './expressionPath.js';
import { linearPath } from './linearPath.js';
import { logisticPath } from './logisticPath.js';
import { phasesPath } from './phasesPath.js';
import { ratesPath } from './ratesPath.js';
import type { LevelPath, PathSpan } from './types.js';

/**
 * The number in a model value: a plain number or a ResolvedValue's `value`, finite.
 * @throws {MetricsError} non_finite for NaN or ±Infinity; invalid_argument for anything that is neither
 * @example
 * numberOf({ value: 0.25, source: { kind: 'assumption', text: 'plan rate' } }); // => 0.25
 */
export function numberOf(v: ResolvedValue | number): number {
  const n = typeof v === 'number' ? v : typeof v === 'object' && v !== null ? (v as { value?: unknown }).value : v;
  if (typeof n !== 'number') {
    throw argumentError(
      'invalid_argument',
      `numberOf: expected a number or a resolved value { value, source } (got ${show(v)}).`,
      'value',
      'a number or a resolved value { value, source }',
      v,
      { value: v },
    );
  }
  assertFinite('numberOf', { value: n });
  return n;
}

/** numberOf for the path functions: a value that is not a number reaches them as undefined, and they name it. */
function loose(v: unknown): number {
  return typeof v === 'number' ? v : ((v as ResolvedValue | undefined)?.value as number);
}

const SPAN_OPTIONS = optionNames<PathSpan>({ fromYear: true, toYear: true, base: true });

/**
 * The level path a {@link PathSpec} describes, from `base` in `fromYear` to `toYear`: dispatches to
 * cagrPath, phasesPath, ratesPath, linearPath, logisticPath, anchorsPath or expressionPath. Values may
 * be plain numbers or a loaded model's ResolvedValues.
 * @throws {MetricsError} invalid_argument for an unknown path type, plus whatever the chosen path throws
 * @example
 * growthPath({ type: 'cagr', rate: 0.25 }, { fromYear: 2020, toYear: 2025, base: 1 }).levels.at(-1); // => 3.0517578125
 */
export function growthPath(spec: PathSpec<ResolvedValue | number>, span: PathSpan): LevelPath {
  // A span that is not an object is named by the path function, as a missing fromYear.
  if (typeof span === 'object' && span !== null) assertOptions('growthPath', span, undefined, SPAN_OPTIONS);
  const s = { fromYear: span?.fromYear, toYear: span?.toYear, base: span?.base } as PathSpan;
  switch (spec?.type) {
    case 'cagr':
      return cagrPath({ ...s, rate: loose(spec.rate) });
    case 'phases':
      return phasesPath({
        ...s,
        phases: Array.isArray(spec.phases)
          ? spec.phases.map((p) => ({ fromYear: p?.fromYear, toYear: p?.toYear, rate: loose(p?.rate) }))
          : (spec.phases as never),
      });
    case 'rates':
      return ratesPath({
        ...s,
        rates: Array.isArray(spec.rates)
          ? spec.rates.map((r) => ({ year: r?.year, rate: loose(r?.rate) }))
          : (spec.rates as never),
      });
    case 'linear':
      return linearPath({ ...s, slope: loose(spec.slope) });
    case 'logistic':
      return logisticPath({ ...s, rate: loose(spec.rate), cap: loose(spec.cap) });
    case 'anchors':
      return anchorsPath({
        ...s,
        anchors: Array.isArray(spec.anchors)
          ? spec.anchors.map((a) => ({ year: a?.year, value: loose(a?.value) }))
          : (spec.anchors as never),
      });
    case 'expression':
      return expressionPath({ ...s, expression: spec.expression });
    default:
      throw argumentError(
        'invalid_argument',
        `growthPath: unknown path type (got ${show((spec as { type?: unknown } | undefined)?.type)}). Use one of cagr, phases, rates, linear, logistic, anchors, expression.`,
        'spec.type',
        'one of "cagr", "phases", "rates", "linear", "logistic", "anchors", "expression"',
        (spec as { type?: unknown } | undefined)?.type,
        { type: (spec as { type?: unknown } | undefined)?.type },
      );
  }
}
