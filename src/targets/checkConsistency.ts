import { MetricsError } from '../errors.js';
import { argumentError, show } from '../internal/assert.js';
import { convertScale, formatPercent, formatQuantity, isScaleConvertible, type Unit } from '../series/units.js';
import { asFacts } from './asFact.js';
import type { Fact } from './fact.js';
import { describeFact } from './describeFact.js';
import { defaultAboutTolerance, meets, toleranceWidth, type TargetTerms } from './meets.js';

/** A number a check derives, with the formula that gives it. */
export interface ImpliedNumber {
  readonly label: string;
  readonly value: number;
  readonly unit: Unit;
  /** The arithmetic, with the fact ids: `bd13.revenue-2020 / (1 + bd13.cagr-2015-2020)^5`. */
  readonly formula: string;
  /** The value for people: `RMB 269 billion`. */
  readonly text: string;
  /** The range the wording allows, where the inputs carry a tolerance. */
  readonly range?: readonly [number, number];
  /**
   * What the wording determines about the number (implied bases only): an `interval`, only a
   * `lower` or `upper` bound, or `none`, in which case `value` is only the arithmetic at the stated
   * figures taken as exact and `text` says "not determined by the wording".
   */
  readonly determined?: 'interval' | 'lower' | 'upper' | 'none';
  /** The one-sided bound the wording determines, when `determined` is `lower` or `upper`. */
  readonly bound?: number;
}

/**
 * Outcome of one check:
 * - `consistent`: the figures agree with each other as worded;
 * - `inconsistent`: figures of one source contradict each other;
 * - `disagreement`: figures of different sources contradict each other;
 * - `implied`: nothing to contradict; the check reports what the figures imply.
 */
export const CheckStatus = Object.freeze({
  consistent: 'consistent',
  inconsistent: 'inconsistent',
  disagreement: 'disagreement',
  implied: 'implied',
} as const);
export type CheckStatus = keyof typeof CheckStatus;

/** One check of a consistency report. */
export interface ConsistencyCheck {
  /** What was checked: `rate-and-levels`, `implied-base`, `implied-end`, `same-figure`, `rate-comparison`, `exchange-rate`. */
  readonly kind:
    | 'rate-and-levels'
    | 'implied-base'
    | 'implied-end'
    | 'same-figure'
    | 'rate-comparison'
    | 'exchange-rate';
  readonly status: CheckStatus;
  readonly title: string;
  /** Ids of the facts the check uses. */
  readonly facts: readonly string[];
  readonly implied: readonly ImpliedNumber[];
  /** One or two sentences a reader can follow. */
  readonly explanation: string;
}

/** Result of {@link checkConsistency}. */
export interface ConsistencyReport {
  readonly checks: readonly ConsistencyCheck[];
  /** True when no check is `inconsistent` (disagreements between sources are reported, not failed). */
  readonly consistent: boolean;
  /** Number of checks by status. */
  readonly counts: Readonly<Record<CheckStatus, number>>;
}

const RATE_SUFFIX = /\.(cagr|growth|yoy)$/;

function isRate(f: Fact): boolean {
  return f.unit.kind === 'fraction' && f.fromYear !== undefined && RATE_SUFFIX.test(f.metric);
}

function isLevel(f: Fact): boolean {
  return (f.unit.kind === 'money' || f.unit.kind === 'count') && f.fromYear === undefined;
}

function docOf(f: Fact): string {
  return f.provenance.documentId ?? f.provenance.document;
}

const pct = formatPercent;

/**
 * The figures a check computes with, checked where the check uses them, each error naming the fact and where
 * it sits in the list (`facts[2].value`): compound growth links positive levels at a rate above -100% a year,
 * and an exchange rate is a positive price. A number the arithmetic cannot hold is a degenerate error naming
 * the facts, never NaN or Infinity in a sentence.
 */
function figureChecks(facts: readonly Fact[]) {
  const index = new Map<Fact, number>();
  facts.forEach((f, i) => index.set(f, i));
  const at = (f: Fact): string => `facts[${index.get(f) as number}]`;
  const refuse = (f: Fact, what: string, hint: string): never => {
    const where = `${at(f)}.value`;
    throw argumentError(
      'invalid_argument',
      `checkConsistency: ${where} ${what} (got ${show(f.value)}). ${hint}`,
      where,
      what.replace(/^must (be )?/, ''),
      f.value,
      { id: f.id, index: index.get(f) },
    );
  };
  return {
    /** A level that a growth rate links to another year's level. */
    level(l: Fact, r: Fact): void {
      if (!(l.value > 0))
        refuse(
          l,
          'must be > 0',
          `${l.id} is a level that the growth rate ${r.id} links to the level of another year, and compound growth links positive levels: check the figure and its sign.`,
        );
    },
    /** A growth rate a year that compounds a level. */
    rate(r: Fact): void {
      if (!(r.value > -1))
        refuse(
          r,
          'must be > -1',
          `${r.id} is a growth rate a year (0.25 is 25%), and a fall of 100% or more a year leaves no level to compound: check the figure.`,
        );
    },
    /** A level stated in two currencies, or a stated exchange rate: the price of one currency in another. */
    price(f: Fact, what: string): void {
      if (!(f.value > 0))
        refuse(f, 'must be > 0', `${f.id} is ${what}, and an exchange rate is a positive price: check the figure.`);
    },
    /** `value`, computed from `used` as `formula` says, unless it overflowed (or underflowed to a division by 0). */
    finite(value: number, what: string, formula: string, used: readonly Fact[]): number {
      if (Number.isFinite(value)) return value;
      const message = `checkConsistency: ${what} overflows (got ${formula}). Check the figures of ${used.map((f) => f.id).join(', ')} and their scales.`;
      throw new MetricsError(
        'degenerate',
        message,
        { facts: used.map((f) => f.id) },
        used.map((f) => ({ path: ['facts', index.get(f) as number, 'value'], received: f.value, message })),
      );
    },
  };
}
type FigureChecks = ReturnType<typeof figureChecks>;

/**
 * The interval of true values a fact's wording allows; an open side is -Infinity or Infinity
 * (`more than 3` is [3, Infinity]).
 * @throws {MetricsError} as {@link toleranceWidth} for a bad value, comparator or tolerance
 */
export function factInterval(f: TargetTerms): [number, number] {
  toleranceWidth(f); // checks the terms, whatever the comparator
  const v = f.value;
  switch (f.comparator) {
    case 'exceeds':
    case 'atLeast':
      return [v, Infinity];
    case 'atMost':
    case 'below':
      return [-Infinity, v];
    case 'about':
    case 'equals': {
      const w = toleranceWidth(f);
      return [v - w, v + w];
    }
  }
}

const describe = describeFact;

function intervalsOverlap(a: Fact, b: Fact, toUnitOfA: (v: number) => number): boolean {
  const [a0, a1] = factInterval(a);
  const [b0, b1] = factInterval(b).map((v) => (Number.isFinite(v) ? toUnitOfA(v) : v)) as [number, number];
  // Strict comparators exclude their boundary; equal open boundaries do not overlap.
  const aOpenLow = a.comparator === 'exceeds';
  const bOpenHigh = b.comparator === 'below';
  const lowOk = aOpenLow || bOpenHigh ? a0 < b1 : a0 <= b1;
  const highOk = b.comparator === 'exceeds' || a.comparator === 'below' ? b0 < a1 : b0 <= a1;
  return lowOk && highOk;
}

/** The two-sided range an `about` or `equals` rate allows (toleranceWidth already falls back to the stated precision). */
function impliedLevel(
  label: string,
  value: number,
  unit: Unit,
  formula: string,
  range?: [number, number],
): ImpliedNumber {
  return { label, value, unit, formula, text: formatQuantity({ value, unit }), ...(range ? { range } : {}) };
}

function impliedRate(label: string, value: number, formula: string): ImpliedNumber {
  return { label, value, unit: { kind: 'fraction' }, formula, text: pct(value) };
}

/** The reading of an "about" figure's tolerance, labelled as the assumption it is, for every printed range. */
function toleranceNote(f: Fact): string {
  const tol = f.tolerance ?? (f.comparator === 'about' ? defaultAboutTolerance : undefined);
  return tol ? ` (assumption: ${tol.assumption.replace(/\.$/, '')})` : '';
}

/** The tolerance notes of several facts, each assumption said once ("about 25%" twice gives one note). */
function toleranceNotes(...facts: readonly Fact[]): string {
  return [...new Set(facts.map(toleranceNote))].join('');
}

/**
 * The base a rate and its end level imply, from the intervals of BOTH wordings: with the end in
 * [e0, e1] and the rate in [g0, g1], the base lies in [e0 / (1 + g1)^n, e1 / (1 + g0)^n]. A lower bound
 * on the end with a lower bound on the rate ("more than 1 trillion" at "more than 30%") determines
 * nothing; "more than 1 trillion" at "about 30%" determines only a lower bound.
 */
function impliedBaseCheck(
  metric: string,
  from: number,
  n: number,
  b: Fact,
  r: Fact,
  check: FigureChecks,
): ConsistencyCheck {
  check.rate(r);
  check.level(b, r);
  const point = check.finite(
    b.value / Math.pow(1 + r.value, n),
    `the ${from} level implied by ${b.id} at ${r.id}`,
    `${show(b.value)} / (1 + ${show(r.value)})^${n}`,
    [b, r],
  );
  const [e0, e1] = factInterval(b);
  const [g0, g1] = factInterval(r);
  const lo = e0 > 0 && Number.isFinite(g1) && g1 > -1 ? e0 / Math.pow(1 + g1, n) : undefined;
  const hi = Number.isFinite(e1) && g0 > -1 ? e1 / Math.pow(1 + g0, n) : undefined;
  const q = (v: number) => formatQuantity({ value: v, unit: b.unit });
  const strictLow = b.comparator === 'exceeds' || r.comparator === 'below';
  const strictHigh = b.comparator === 'below' || r.comparator === 'exceeds';
  const notes = toleranceNotes(b, r);
  let determined: 'interval' | 'lower' | 'upper' | 'none';
  let text: string;
  let sentence: string;
  if (lo !== undefined && hi !== undefined && Number.isFinite(lo) && Number.isFinite(hi)) {
    determined = 'interval';
    text = `${q(lo)} to ${q(hi)}`;
    sentence = `"${describe(b)}" in ${r.year} at "${describe(r)}" a year puts the ${from} level between ${q(lo)} and ${q(hi)}${notes}.`;
  } else if (lo !== undefined && Number.isFinite(lo)) {
    determined = 'lower';
    text = `${strictLow ? 'more than' : 'at least'} ${q(lo)} (for growth up to ${pct(g1)}); no upper bound`;
    sentence = `"${describe(b)}" in ${r.year} at "${describe(r)}" a year needs a ${from} level of ${strictLow ? 'more than' : 'at least'} ${q(lo)} if growth was at most ${pct(g1)} a year${notes}; the wording sets no upper bound on the ${from} level.`;
  } else if (hi !== undefined && Number.isFinite(hi)) {
    determined = 'upper';
    text = `${strictHigh ? 'less than' : 'at most'} ${q(hi)} (for growth of at least ${pct(g0)}); no lower bound`;
    sentence = `"${describe(b)}" in ${r.year} at "${describe(r)}" a year allows a ${from} level of ${strictHigh ? 'less than' : 'at most'} ${q(hi)} if growth was at least ${pct(g0)} a year${notes}; the wording sets no lower bound on the ${from} level.`;
  } else {
    determined = 'none';
    text = 'not determined by the wording';
    sentence = `"${describe(b)}" in ${r.year} and "${describe(r)}" a year are both one-sided: any ${from} level is compatible with them, so the ${from} level is not determined by the wording (${q(point)} is only ${formatQuantity({ value: b.value, unit: b.unit })} / ${(1 + r.value).toFixed(4).replace(/0+$/, '')}^${n}, taking both figures as exact).`;
  }
  const bound = determined === 'lower' ? lo : determined === 'upper' ? hi : undefined;
  return {
    kind: 'implied-base',
    status: 'implied',
    title: `${metric}: what ${describe(b)} in ${r.year} at ${describe(r)} a year says about the ${from} level`,
    facts: [b.id, r.id],
    implied: [
      {
        label: `${from} level`,
        value: point,
        unit: b.unit,
        formula: `${b.id} / (1 + ${r.id})^${n}`,
        text,
        ...(determined === 'interval' ? { range: [lo as number, hi as number] as const } : {}),
        determined,
        ...(bound !== undefined ? { bound } : {}),
      },
    ],
    explanation: `${sentence} No document states the ${from} level, so nothing contradicts it.`,
  };
}

/**
 * Checks a set of facts against each other and reports what they imply:
 * - a rate over a period with the levels at both ends (`rate-and-levels`): the level the rate implies at
 *   the end and the rate the stated end needs; consistent when, taking the stated base as given, some
 *   rate the rate's wording allows reaches the end as worded (the two intervals of rates overlap);
 * - a rate with only its end level (`implied-base`) or only its start level (`implied-end`);
 * - the same figure stated by two sources (`same-figure`), and two rates of one metric
 *   (`rate-comparison`): do the ranges their wordings allow overlap?
 * - one level stated in two currencies (`exchange-rate`): the rate it implies, next to stated rates.
 * Levels in different scales of one currency are compared after an exact scale conversion.
 * @example
 * checkConsistency(loadSeeds().filter((f) => f.id.startsWith('bd14.'))).consistent; // => true
 */
export function checkConsistency(facts: readonly Fact[]): ConsistencyReport {
  facts = asFacts('checkConsistency', facts);
  const check = figureChecks(facts);
  const checks: ConsistencyCheck[] = [];
  const levels = facts.filter(isLevel);
  const rates = facts.filter(isRate);

  // Rates against levels at the ends of their period.
  for (const r of rates) {
    if (r.kind === 'claim') continue;
    const metric = r.metric.replace(RATE_SUFFIX, '');
    const from = r.fromYear as number;
    const n = r.year - from;
    // Prefer a level from the rate's own document, a target over an estimate, and the home currency.
    const score = (l: Fact): number =>
      (docOf(l) === docOf(r) ? 4 : 0) +
      (l.kind === r.kind ? 2 : 0) +
      (l.unit.kind === 'money' && l.unit.currency === 'CNY' ? 1 : 0);
    const at = (year: number): Fact | undefined =>
      levels
        .filter((l) => l.metric === metric && l.year === year && l.kind !== 'claim')
        .sort((x, y) => score(y) - score(x))[0];
    const a = at(from);
    const b = at(r.year);
    if (a && b && isScaleConvertible(a.unit, b.unit)) {
      check.rate(r);
      check.level(a, r);
      check.level(b, r);
      const bInA = convertScale(b.value, b.unit, a.unit);
      const end = check.finite(
        a.value * Math.pow(1 + r.value, n),
        `the ${r.year} level implied by ${a.id} at ${r.id}`,
        `${show(a.value)} x (1 + ${show(r.value)})^${n}`,
        [a, r],
      );
      const required = check.finite(
        Math.pow(bInA / a.value, 1 / n) - 1,
        `the rate from ${a.id} to ${b.id}`,
        `(${show(bInA)} / ${show(a.value)})^(1/${n}) - 1`,
        [a, b],
      );
      const endOk = meets(convertScale(end, a.unit, b.unit), b);
      // Taking the stated base as given, is there a rate the rate's wording allows that reaches the end
      // level as worded? The end's interval maps to an interval of required rates; the two must overlap.
      const [e0, e1] = factInterval(b).map((v) => (Number.isFinite(v) ? convertScale(v, b.unit, a.unit) : v)) as [
        number,
        number,
      ];
      const toRate = (level: number) =>
        level <= 0 ? -1 : level === Infinity ? Infinity : Math.pow(level / a.value, 1 / n) - 1;
      const needed: [number, number] = [toRate(e0), toRate(e1)];
      const [g0, g1] = factInterval(r);
      const lowStrict = b.comparator === 'exceeds' || r.comparator === 'below';
      const highStrict = b.comparator === 'below' || r.comparator === 'exceeds';
      // Closed boundaries accept 1e-12 of rounding from the powers (rates are of order 1).
      const eps = 1e-12;
      const ok =
        (lowStrict ? needed[0] < g1 : needed[0] <= g1 + eps) && (highStrict ? g0 < needed[1] : g0 <= needed[1] + eps);
      const sameSource = docOf(a) === docOf(r) && docOf(b) === docOf(r);
      const rateRangeText = (lo: number, hi: number) =>
        hi === Infinity ? `more than ${pct(lo)}` : lo <= -1 ? `less than ${pct(hi)}` : `${pct(lo)} to ${pct(hi)}`;
      checks.push({
        kind: 'rate-and-levels',
        status: ok ? 'consistent' : sameSource ? 'inconsistent' : 'disagreement',
        title: `${metric} ${from}-${r.year}: ${describe(a)} (${a.id}) growing ${describe(r)} a year (${r.id}) against ${describe(b)} (${b.id})`,
        facts: [a.id, r.id, b.id],
        implied: [
          impliedLevel(`${r.year} level at ${pct(r.value)} a year`, end, a.unit, `${a.id} * (1 + ${r.id})^${n}`),
          impliedRate(
            `rate for exactly ${formatQuantity({ value: b.value, unit: b.unit })}`,
            required,
            `(${b.id} / ${a.id})^(1/${n}) - 1`,
          ),
        ],
        explanation: `${formatQuantity({ value: a.value, unit: a.unit })} x ${(1 + r.value).toFixed(4).replace(/0+$/, '')}^${n} = ${formatQuantity({ value: end, unit: a.unit })}, which ${endOk ? 'meets' : 'misses'} "${describe(b)}"; exactly ${formatQuantity({ value: b.value, unit: b.unit })} needs ${pct(required)} a year. From ${formatQuantity({ value: a.value, unit: a.unit })}, "${describe(b)}" needs ${rateRangeText(needed[0], needed[1])} a year, which "${describe(r)}" ${ok ? 'allows' : 'rules out'}${toleranceNotes(b, r, a)}.`,
      });
    } else if (b) {
      checks.push(impliedBaseCheck(metric, from, n, b, r, check));
    } else if (a) {
      check.rate(r);
      check.level(a, r);
      const end = check.finite(
        a.value * Math.pow(1 + r.value, n),
        `the ${r.year} level implied by ${a.id} at ${r.id}`,
        `${show(a.value)} x (1 + ${show(r.value)})^${n}`,
        [a, r],
      );
      checks.push({
        kind: 'implied-end',
        status: 'implied',
        title: `${metric}: the ${r.year} level implied by ${describe(a)} in ${from} at ${describe(r)} a year`,
        facts: [a.id, r.id],
        implied: [impliedLevel(`${r.year} level`, end, a.unit, `${a.id} * (1 + ${r.id})^${n}`)],
        explanation: `${formatQuantity({ value: a.value, unit: a.unit })} x ${(1 + r.value).toFixed(4).replace(/0+$/, '')}^${n} = ${formatQuantity({ value: end, unit: a.unit })}.`,
      });
    }
  }

  // The same level stated twice, in one currency or scale.
  for (let i = 0; i < levels.length; i++) {
    for (let j = i + 1; j < levels.length; j++) {
      const a = levels[i] as Fact;
      const b = levels[j] as Fact;
      if (a.metric !== b.metric || a.year !== b.year || !isScaleConvertible(a.unit, b.unit)) continue;
      const ok = intervalsOverlap(a, b, (v) => convertScale(v, b.unit, a.unit));
      checks.push({
        kind: 'same-figure',
        status: ok ? 'consistent' : docOf(a) === docOf(b) ? 'inconsistent' : 'disagreement',
        title: `${a.metric} ${a.year}: ${describe(a)} (${a.id}) and ${describe(b)} (${b.id})`,
        facts: [a.id, b.id],
        implied: [],
        explanation: ok
          ? `The two statements allow a common value${docOf(a) === docOf(b) ? '' : ` (documents ${docOf(a)} and ${docOf(b)})`}${toleranceNotes(a, b)}.`
          : `No value satisfies both "${describe(a)}" and "${describe(b)}".`,
      });
    }
  }

  // Two rates of one metric: the same period (do they agree?), or a claim against the sourced rates
  // nearest to its period (does a secondary source tell a different story?).
  const nearestToClaim = new Map<Fact, Set<Fact>>();
  for (const c of rates.filter((f) => f.kind === 'claim')) {
    const others = rates.filter((f) => f.kind !== 'claim' && f.metric === c.metric);
    const gap = (f: Fact) => Math.abs((f.fromYear as number) - (c.fromYear as number)) + Math.abs(f.year - c.year);
    const best = Math.min(...others.map(gap));
    nearestToClaim.set(c, new Set(others.filter((f) => gap(f) === best)));
  }
  for (let i = 0; i < rates.length; i++) {
    for (let j = i + 1; j < rates.length; j++) {
      const a = rates[i] as Fact;
      const b = rates[j] as Fact;
      if (a.metric !== b.metric) continue;
      const samePeriod = a.fromYear === b.fromYear && a.year === b.year;
      const involvesClaim = a.kind === 'claim' || b.kind === 'claim';
      if (involvesClaim ? !(nearestToClaim.get(a)?.has(b) || nearestToClaim.get(b)?.has(a)) : !samePeriod) continue;
      const ok = intervalsOverlap(a, b, (v) => v);
      const period = (f: Fact) => `${f.fromYear}-${f.year}${f.periodAssumed ? ' (years assumed)' : ''}`;
      const [claim, other] = b.kind === 'claim' ? [b, a] : [a, b];
      // A claim about other years is not a figure for these years: it is neither applied to them (no level
      // "at 38%" for the other period) nor reported as contradicting them.
      if (involvesClaim && !samePeriod) {
        checks.push({
          kind: 'rate-comparison',
          status: 'implied',
          title: `${a.metric}: ${describe(a)} (${a.id}, ${period(a)}) and ${describe(b)} (${b.id}, ${period(b)})`,
          facts: [a.id, b.id],
          implied: [],
          explanation: `${pct(claim.value)} a year (${claim.kind}, ${period(claim)}) is about other years than "${describe(other)}" (${other.kind}, ${period(other)}): the two are not compared as one figure, and the claim is not applied to ${period(other)}.`,
        });
        continue;
      }
      checks.push({
        kind: 'rate-comparison',
        status: ok ? 'consistent' : docOf(a) === docOf(b) ? 'inconsistent' : 'disagreement',
        title: `${a.metric}: ${describe(a)} (${a.id}, ${period(a)}) and ${describe(b)} (${b.id}, ${period(b)})`,
        facts: [a.id, b.id],
        implied: [],
        explanation: ok
          ? `The two statements allow a common rate for the same period${toleranceNotes(a, b)}.`
          : `${pct(claim.value)} a year (${claim.kind}, ${period(claim)}) is outside "${describe(other)}" (${other.kind}, ${period(other)}).`,
      });
    }
  }

  // One level in two currencies: the exchange rate it implies, next to any stated rate.
  const fxFacts = facts.filter((f) => f.unit.kind === 'fx');
  for (let i = 0; i < levels.length; i++) {
    for (let j = 0; j < levels.length; j++) {
      const a = levels[i] as Fact;
      const b = levels[j] as Fact;
      if (a.metric !== b.metric || a.year !== b.year || a.unit.kind !== 'money' || b.unit.kind !== 'money') continue;
      if (
        a.unit.currency !== 'CNY' ||
        b.unit.currency === 'CNY' ||
        docOf(a) !== docOf(b) ||
        a.comparator !== b.comparator
      )
        continue;
      const foreign = b.unit.currency;
      check.price(a, `a level stated in ${foreign} as well (${b.id}), which implies an exchange rate`);
      check.price(b, `the ${foreign} level of ${a.id}, which implies an exchange rate`);
      const quoteUnit: Unit = { kind: 'money', currency: 'CNY', scale: b.unit.scale };
      const rate = check.finite(
        convertScale(a.value, a.unit, quoteUnit) / b.value,
        `the exchange rate implied by ${a.id} and ${b.id}`,
        `${show(a.value)} ${a.unit.scale} / ${show(b.value)} ${b.unit.scale}`,
        [a, b],
      );
      const fxUnit: Unit = { kind: 'fx', base: foreign, quote: 'CNY' };
      const stated = fxFacts.filter((f) => f.unit.kind === 'fx' && f.unit.base === foreign && f.unit.quote === 'CNY');
      const diffs = stated.map((f) => {
        check.price(f, `an exchange rate (CNY per ${foreign})`);
        const apart = check.finite(
          rate / f.value - 1,
          `the gap between the exchange rate implied by ${a.id} and ${b.id} and ${f.id}`,
          `${show(rate)} / ${show(f.value)} - 1`,
          [a, b, f],
        );
        return `${describe(f)} (${f.id}, ${f.provenance.statedBy === 'translator' ? `${f.provenance.publisher.split(' (')[0]}'s translator's note in` : `${f.provenance.publisher},`} ${f.provenance.document}${f.provenance.published ? `, ${f.provenance.published}` : ''})${toleranceNote(f)}: ${pct(apart)} apart`;
      });
      checks.push({
        kind: 'exchange-rate',
        status: 'implied',
        title: `${a.metric} ${a.year}: ${describe(a)} = ${describe(b)}`,
        facts: [a.id, b.id, ...stated.map((f) => f.id)],
        implied: [
          {
            label: `exchange rate implied by ${a.id} and ${b.id}`,
            value: rate,
            unit: fxUnit,
            formula: `${a.id} / ${b.id}`,
            text: formatQuantity({ value: rate, unit: fxUnit }, { digits: 4 }),
          },
        ],
        explanation: `${formatQuantity({ value: a.value, unit: a.unit })} / ${formatQuantity({ value: b.value, unit: b.unit })} = ${formatQuantity({ value: rate, unit: fxUnit }, { digits: 4 })}${a.provenance.published ? ` (as of ${a.provenance.published})` : ''}.${diffs.length ? ` Stated: ${diffs.join('; ')}. Rates of different dates differ; a conversion names the rate and date it uses.` : ''}`,
      });
    }
  }

  const counts = { consistent: 0, inconsistent: 0, disagreement: 0, implied: 0 };
  for (const c of checks) counts[c.status]++;
  return { checks, consistent: counts.inconsistent === 0, counts };
}
