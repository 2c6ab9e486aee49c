import { argumentError, show, assertOptions, optionNames } from '../internal/assert.js';
import { asFacts } from './asFact.js';
import { cagr } from '../growth/cagr.js';
import {
  convertCurrency,
  convertScale,
  parseUnit,
  unitToString,
  type ExchangeRate,
  formatPercent,
} from '../series/units.js';
import { factInterval } from './checkConsistency.js';
import type { Comparator, Fact, FactKind } from './fact.js';

/** Options of {@link compareIndustries}. */
export interface CompareIndustriesOptions {
  /** Money unit every level is converted to. Default `CNY billion`. */
  readonly unit?: string;
  /**
   * A dated exchange rate for levels stated in another currency. Without one, such levels are skipped
   * (listed in `skipped`), never converted at a guessed rate.
   */
  readonly exchangeRate?: ExchangeRate;
  /**
   * Derive a missing level at the other end of a stated rate (`<metric>.cagr` fact with `fromYear`):
   * level / (1 + r)^n backwards, level x (1 + r)^n forwards. Derived levels are marked. Default true.
   */
  readonly deriveFromRates?: boolean;
}

const COMPARE_INDUSTRIES_OPTIONS = optionNames<CompareIndustriesOptions>({
  unit: true,
  exchangeRate: true,
  deriveFromRates: true,
});

/** One level of one industry in one year, in the comparison's unit. */
export interface IndustryLevel {
  /** The fact's metric, e.g. `big-data.revenue`. */
  readonly industry: string;
  readonly year: number;
  readonly value: number;
  /** As the (first) source states it: `exceeds` means the true level is above `value`. */
  readonly comparator: Comparator;
  readonly kind: FactKind;
  /** The facts this level comes from (several when documents agree on it). */
  readonly factIds: readonly string[];
  /** True when no document states it: computed from another level and a stated rate, or a derived fact. */
  readonly derived: boolean;
  /** How a derived level is computed (fact ids and formula), with the condition it needs. */
  readonly derivation?: string;
  /**
   * The levels the wording allows (±Infinity where open): a fact's comparator and tolerance, or, for a
   * level derived from a rate, both wordings' intervals carried through the compounding.
   */
  readonly range: readonly [number, number];
}

/** What {@link compareIndustries} returns. */
export interface IndustryComparison {
  readonly unit: string;
  /** Levels by industry and year, sorted. */
  readonly levels: readonly IndustryLevel[];
  /**
   * Implied CAGR between consecutive levels of each industry, with the stated rate when a fact gives one
   * for the same years. Left out: a pair where a level was derived from the stated rate itself (the
   * comparison would be circular), and a pair of two one-sided levels (listed in `skipped`).
   */
  readonly growth: readonly {
    readonly industry: string;
    readonly fromYear: number;
    readonly toYear: number;
    readonly impliedCagr: number;
    /** The CAGRs the two levels' ranges allow: from the highest start to the lowest end, and the reverse. */
    readonly impliedCagrRange: readonly [number, number];
    readonly statedCagr?: number;
    readonly statedFactId?: string;
    readonly derived: boolean;
  }[];
  /** For every year and pair of industries with a level: the smaller over the larger. */
  readonly ratios: readonly {
    readonly year: number;
    readonly numerator: string;
    readonly denominator: string;
    readonly ratio: number;
    /** `equals` for two stated levels; `exceeds` / `below` when one level is a bound (the ratio is then a bound). */
    readonly comparator: 'equals' | 'exceeds' | 'below';
  }[];
  /** Facts that are neither a convertible level nor a rate, or that disagree with another fact, with the reason. */
  readonly skipped: readonly { readonly factId: string; readonly reason: string }[];
}

interface Rate {
  id: string;
  metric: string;
  fromYear: number;
  year: number;
  value: number;
  range: readonly [number, number];
}

/**
 * Puts sourced industries side by side: every money-valued fact becomes a level in one unit (CNY billion
 * by default; scales converted exactly, other currencies only with a given dated exchange rate), rate
 * facts (`<metric>.cagr`, fraction-valued with `fromYear`) fill in a missing level at the other end of
 * their span (marked `derived`), and the result lists implied CAGRs between consecutive levels next to
 * any stated rate, and the ratio of every pair of industries in every shared year. Levels keep the
 * comparator of their source ("exceeds 1 trillion" stays a lower bound). Facts that do not fit are
 * listed in `skipped` with the reason, never dropped silently.
 * @throws {MetricsError} invalid_argument when `facts` is not an array of facts or `unit` is not a money unit
 * @example
 * const f = (id: string, metric: string, year: number, value: number, unit: string) => ({ id, metric, year, value,
 *   unit: parseUnit(unit), comparator: 'equals', kind: 'actual', provenance: { document: 'd', publisher: 'p', section: 's', quote: 'q' } }) as Fact;
 * compareIndustries([f('a', 'software.revenue', 2015, 4.3, 'CNY trillion'), f('b', 'information-industry.revenue', 2015, 17.1, 'CNY trillion')]).ratios[0].ratio; // ≈ 0.2515
 */
export function compareIndustries(facts: readonly Fact[], options: CompareIndustriesOptions = {}): IndustryComparison {
  const fn = 'compareIndustries';
  if (!Array.isArray(facts)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: facts must be an array of Fact (got ${show(facts)}). Load them with loadSeeds().`,
      'facts',
      'an array of Fact',
      facts,
    );
  }
  asFacts(fn, facts);
  assertOptions(fn, options, undefined, COMPARE_INDUSTRIES_OPTIONS);
  const unit = parseUnit(options.unit ?? 'CNY billion');
  if (unit.kind !== 'money') {
    throw argumentError(
      'invalid_argument',
      `${fn}: unit must be a money unit such as "CNY billion" (got "${unitToString(unit)}").`,
      'options.unit',
      'a money unit such as "CNY billion"',
      unitToString(unit),
    );
  }
  const skipped: { factId: string; reason: string }[] = [];
  const levels = new Map<string, IndustryLevel>();
  const key = (industry: string, year: number) => `${industry}\u0000${year}`;
  const rates: Rate[] = [];
  for (const f of facts) {
    if (
      typeof f !== 'object' ||
      f === null ||
      typeof f.id !== 'string' ||
      typeof f.metric !== 'string' ||
      typeof f.value !== 'number' ||
      !Number.isFinite(f.value) ||
      !Number.isInteger(f.year)
    ) {
      throw argumentError(
        'invalid_argument',
        `${fn}: every fact needs an id, a metric, a whole year and a finite value (got ${show(f)}).`,
        ['facts', facts.indexOf(f)],
        'a fact with an id, a metric, a whole year and a finite value',
        f,
      );
    }
    const u = f.unit;
    if (u?.kind === 'fraction') {
      if (f.metric.endsWith('.cagr') && f.fromYear !== undefined && f.fromYear < f.year && f.value > -1) {
        rates.push({
          id: f.id,
          metric: f.metric.slice(0, -'.cagr'.length),
          fromYear: f.fromYear,
          year: f.year,
          value: f.value,
          range: factInterval(f),
        });
      } else {
        skipped.push({
          factId: f.id,
          reason: 'a fraction that is not a growth rate over a period (<metric>.cagr with fromYear)',
        });
      }
      continue;
    }
    if (u?.kind !== 'money') {
      skipped.push({ factId: f.id, reason: `not a money level (unit "${u ? unitToString(u) : show(u)}")` });
      continue;
    }
    let value: number;
    if (u.currency === unit.currency) value = convertScale(f.value, u, unit);
    else if (options.exchangeRate !== undefined)
      value = convertCurrency({ value: f.value, unit: u }, unit, options.exchangeRate).value;
    else {
      skipped.push({
        factId: f.id,
        reason: `in ${u.currency}; pass a dated exchangeRate to convert it to ${unit.currency}`,
      });
      continue;
    }
    if (!(value > 0)) {
      skipped.push({ factId: f.id, reason: `a level must be > 0 to compare (got ${f.value})` });
      continue;
    }
    const k = key(f.metric, f.year);
    const prior = levels.get(k);
    const conv = (x: number) =>
      !Number.isFinite(x) ? x : u.currency === unit.currency ? convertScale(x, u, unit) : (x / f.value) * value;
    const [r0, r1] = factInterval(f);
    if (prior === undefined) {
      levels.set(k, {
        industry: f.metric,
        year: f.year,
        value,
        comparator: f.comparator,
        kind: f.kind,
        factIds: [f.id],
        derived: f.derivation !== undefined,
        ...(f.derivation !== undefined && { derivation: f.derivation.formula }),
        range: [conv(r0), conv(r1)],
      });
    } else if (Math.abs(prior.value - value) <= 1e-12 * Math.max(prior.value, value)) {
      levels.set(k, { ...prior, factIds: [...prior.factIds, f.id] });
    } else {
      skipped.push({
        factId: f.id,
        reason: `${f.metric} in ${f.year} is ${value} ${unitToString(unit)} here but ${prior.value} in ${prior.factIds.join(', ')}; the first is kept`,
      });
    }
  }
  // Two statements of one level (both plans give 2020) are alternatives, not an equation: "a or b".
  const levelIds = (ids: readonly string[]): string => (ids.length > 1 ? `(${ids.join(' or ')})` : `${ids[0]}`);
  // The bound uses an end of the rate's tolerance, not the stated rate: say so when they differ.
  const boundRate = (g: number, stated: number, upper: boolean): string =>
    g === stated || !Number.isFinite(g)
      ? ''
      : `, the ${upper ? 'upper' : 'lower'} end of the rate's tolerance; the stated rate is ${formatPercent(stated)}`;
  if (options.deriveFromRates ?? true) {
    for (const r of rates) {
      const n = r.year - r.fromYear;
      const start = levels.get(key(r.metric, r.fromYear));
      const end = levels.get(key(r.metric, r.year));
      const [g0, g1] = r.range;
      const grow = (x: number, g: number) => x * Math.pow(1 + g, n);
      const ok = (x: number) => Number.isFinite(x) && x > 0;
      let from: IndustryLevel | undefined;
      let year = 0;
      let lo = Number.NaN;
      let hi = Number.NaN;
      let point = Number.NaN;
      let formula = '';
      if (end && !start) {
        // Backwards: the highest rate gives the lowest start, the lowest rate the highest.
        from = end;
        year = r.fromYear;
        lo = ok(end.range[0]) && Number.isFinite(g1) && g1 > -1 ? end.range[0] / Math.pow(1 + g1, n) : -Infinity;
        hi = ok(end.range[1]) && g0 > -1 ? end.range[1] / Math.pow(1 + g0, n) : Infinity;
        point = end.value / Math.pow(1 + r.value, n);
        formula = `${levelIds(end.factIds)} / (1 + ${r.id})^${n}`;
      } else if (start && !end) {
        from = start;
        year = r.year;
        lo = ok(start.range[0]) && g0 > -1 ? grow(start.range[0], g0) : -Infinity;
        hi = ok(start.range[1]) && Number.isFinite(g1) ? grow(start.range[1], g1) : Infinity;
        point = grow(start.value, r.value);
        formula = `${levelIds(start.factIds)} x (1 + ${r.id})^${n}`;
      }
      if (from === undefined) continue;
      const both = Number.isFinite(lo) && Number.isFinite(hi);
      if (!Number.isFinite(lo) && !Number.isFinite(hi)) {
        skipped.push({
          factId: r.id,
          reason: `${r.metric} in ${year}: ${from.factIds.join(', ')} and ${r.id} are both one-sided, so the ${year} level is not determined by the wording (${formula} = ${Number(point.toPrecision(4))} only if both figures were exact)`,
        });
        continue;
      }
      levels.set(key(r.metric, year), {
        industry: r.metric,
        year,
        value: both ? point : Number.isFinite(lo) ? lo : hi,
        comparator: both ? 'about' : Number.isFinite(lo) ? 'exceeds' : 'below',
        kind: 'estimate',
        factIds: [...from.factIds, r.id],
        derived: true,
        derivation: both
          ? formula
          : Number.isFinite(lo)
            ? `${formula}, a lower bound only (for growth ${year < from.year ? `up to ${formatPercent(g1)}` : `of at least ${formatPercent(g0)}`}${boundRate(year < from.year ? g1 : g0, r.value, year < from.year)})`
            : `${formula}, an upper bound only`,
        range: [lo, hi],
      });
    }
  }
  const sorted = [...levels.values()].sort((a, b) =>
    a.industry < b.industry ? -1 : a.industry > b.industry ? 1 : a.year - b.year,
  );
  const growth: IndustryComparison['growth'][number][] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as IndustryLevel;
    const b = sorted[i] as IndustryLevel;
    if (a.industry !== b.industry) continue;
    const stated = rates.find((r) => r.metric === a.industry && r.fromYear === a.year && r.year === b.year);
    // A level made from the stated rate gives that rate back: comparing the two compares a number with itself.
    if (stated && (a.factIds.includes(stated.id) || b.factIds.includes(stated.id))) continue;
    // Two one-sided levels ("more than X" and "more than Y") do not determine the growth between them.
    const oneSided = (l: IndustryLevel) => l.comparator !== 'equals' && l.comparator !== 'about';
    if (oneSided(a) && oneSided(b)) {
      skipped.push({
        factId: b.factIds[0] as string,
        reason: `${a.industry} ${a.year}-${b.year}: both levels are one-sided (${a.comparator}, ${b.comparator}), so their ratio is not the industry's growth; not determined by the wording`,
      });
      continue;
    }
    const n = b.year - a.year;
    const rate = (x: number, y: number) =>
      x > 0 && Number.isFinite(x) && Number.isFinite(y) && y >= 0
        ? cagr(x, y, n)
        : x > 0 && y === Infinity
          ? Infinity
          : -1;
    growth.push({
      industry: a.industry,
      fromYear: a.year,
      toYear: b.year,
      impliedCagr: cagr(a.value, b.value, n),
      impliedCagrRange: [rate(a.range[1], b.range[0]), rate(a.range[0], b.range[1])],
      ...(stated ? { statedCagr: stated.value, statedFactId: stated.id } : {}),
      derived: a.derived || b.derived,
    });
  }
  const ratios: IndustryComparison['ratios'][number][] = [];
  const years = [...new Set(sorted.map((l) => l.year))].sort((a, b) => a - b);
  for (const year of years) {
    const inYear = sorted.filter((l) => l.year === year);
    for (let i = 0; i < inYear.length; i++) {
      for (let j = i + 1; j < inYear.length; j++) {
        const [small, large] = (
          (inYear[i] as IndustryLevel).value <= (inYear[j] as IndustryLevel).value
            ? [inYear[i], inYear[j]]
            : [inYear[j], inYear[i]]
        ) as [IndustryLevel, IndustryLevel];
        // A lower bound on top raises the ratio, on the bottom lowers it; two bounds tell nothing.
        const side = (l: IndustryLevel) =>
          l.comparator === 'exceeds' || l.comparator === 'atLeast'
            ? 1
            : l.comparator === 'below' || l.comparator === 'atMost'
              ? -1
              : 0;
        const dir = side(small) - side(large);
        if ((side(small) !== 0 && side(large) !== 0) || Math.abs(dir) > 1) continue;
        ratios.push({
          year,
          numerator: small.industry,
          denominator: large.industry,
          ratio: small.value / large.value,
          comparator: dir > 0 ? 'exceeds' : dir < 0 ? 'below' : 'equals',
        });
      }
    }
  }
  return { unit: unitToString(unit), levels: sorted, growth, ratios, skipped };
}
