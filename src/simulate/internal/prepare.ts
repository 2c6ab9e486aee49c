import { totalmem } from 'node:os';
import { MetricsError } from '../../errors.js';
import { argumentError, assertKnownFields, optionNames, type OptionRecord, show } from '../../internal/assert.js';
import { cholesky } from '../../internal/linalg.js';
import { Comparator } from '../../targets/fact.js';
import { toleranceWidth } from '../../targets/meets.js';
import type {
  BaseDraw,
  LevelBounds,
  LevelShock,
  RareShock,
  SimulationRunOptions,
  SeriesModel,
  SimulationTarget,
} from '../types.js';
import { assertPlausible, type FractionKind } from '../../internal/plausible.js';

// Internal: checks the options of simulate / simulateSectors and turns them into a KernelPlan (plain
// numbers only, so it can be posted to worker threads) plus what the per-year analysis needs.

/** Paths per random stream. Part of the reproducibility contract: changing it changes results. */
export const BLOCK = 1024;
const DEFAULT_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
const DEFAULT_CHUNK = 16384;
const MAX_WORKERS = 64;
/** Most simulated years (as trajectory paths span at most 1000). */
const MAX_YEARS = 1000;
/**
 * Most entries of each list of per-run results (quantile levels, targets, CAGR thresholds, crossing
 * levels): each is a result entry and most are checked on every path and year (a million targets took
 * 31 s on 200 paths).
 */
const MAX_RESULT_ENTRIES = 10_000;

/** Throws too_large for a list of results longer than MAX_RESULT_ENTRIES, before anything reads it. */
function assertResultCount(fn: string, name: string, list: unknown): void {
  if (!Array.isArray(list) || list.length <= MAX_RESULT_ENTRIES) return;
  throw new MetricsError(
    'too_large',
    `${fn}: ${name} has ${list.length} entries, more than the ${MAX_RESULT_ENTRIES} a run reports (got ${list.length}). Ask for fewer, or run the rest separately.`,
    { [name]: list.length },
  );
}

/**
 * The names of {@link SimulationRunOptions}, for the option lists of simulate and simulateSectors (the
 * compiler checks it names every field and no other).
 */
export const RUN_OPTION_NAMES: OptionRecord<SimulationRunOptions> = Object.freeze({
  baseYear: true,
  years: true,
  toYear: true,
  distribution: true,
  degreesOfFreedom: true,
  paths: true,
  seed: true,
  quantiles: true,
  baseDraw: true,
  targets: true,
  cagrThresholds: true,
  crossing: true,
  samplePaths: true,
  workers: true,
  chunkSize: true,
  onProgress: true,
  signal: true,
  maxMemoryBytes: true,
});

// The fields of the records nested in the options, each checked by the compiler against its type: a
// misspelt optional field (bounds.flor, baseDraw.mod) is refused, not ignored.
const SHOCK_FIELDS = optionNames<LevelShock>({ year: true, size: true });
const BOUNDS_FIELDS = optionNames<LevelBounds>({ cap: true, floor: true });
const RARE_SHOCK_FIELDS = optionNames<RareShock>({ probability: true, size: true });
const TARGET_FIELDS = optionNames<SimulationTarget>({
  id: true,
  year: true,
  value: true,
  comparator: true,
  tolerance: true,
});
const TOLERANCE_FIELDS = optionNames<NonNullable<SimulationTarget['tolerance']>>({ relative: true, absolute: true });
const BASE_DRAW_FIELDS = optionNames<BaseDraw>({ lower: true, upper: true, distribution: true, mode: true });
/** The names of {@link SeriesModel}: simulate's own options besides the run's, and a sector's besides its id. */
export const SERIES_MODEL_NAMES: OptionRecord<SeriesModel> = Object.freeze({
  baseValue: true,
  growth: true,
  shocks: true,
  bounds: true,
  volatility: true,
  persistence: true,
  meanUncertainty: true,
  rareShock: true,
});
/** A sector of simulateSectors: a series model and its id. */
const SECTOR_FIELDS = optionNames<SeriesModel & { readonly id: string }>({ ...SERIES_MODEL_NAMES, id: true });

export interface KernelPlan {
  readonly seed: number;
  readonly paths: number;
  readonly nYears: number;
  /** Number of simulated series. */
  readonly K: number;
  /** Output series per year: K, plus the total when K > 1. */
  readonly S: number;
  readonly nBlocks: number;
  readonly chunkBlocks: number;
  readonly base: Float64Array;
  /** (1 + g) (1 + product of shocks) per series and year, index k * nYears + t. */
  readonly factor: Float64Array;
  readonly vol: Float64Array;
  readonly phi: Float64Array;
  /** sd of the AR(1) innovation: vol sqrt(1 - phi^2), so every year's deviation has sd vol. */
  readonly innov: Float64Array;
  readonly mu: Float64Array;
  readonly rareP: Float64Array;
  readonly rareLog: Float64Array;
  readonly cap: Float64Array;
  readonly floor: Float64Array;
  /** Lower Cholesky factor of the deviations' correlation (K x K, row-major), or null. */
  readonly chol: Float64Array | null;
  /** Student-t degrees of freedom, 0 for normal. */
  readonly nu: number;
  readonly hasDev: boolean;
  readonly hasOff: boolean;
  /** Base draw: 0 none, 1 uniform, 2 triangular on [baseLo, baseHi] with peak baseMode; sector bases scale by draw / baseTotal. */
  readonly baseDist: number;
  readonly baseLo: number;
  readonly baseHi: number;
  readonly baseMode: number;
  readonly baseTotal: number;
  /** Deterministic level per output series and year (s * nYears + t): sums are centred on it. */
  readonly centre: Float64Array;
  /**
   * Level checks on the analysed (last) series, counted per block: the targets, then the CAGR thresholds.
   * A level x meets check j when lo <= x <= hi (strict bounds are moved to the next double inward).
   */
  readonly checks: { t: number; lo: number; hi: number }[];
}

export interface TargetCheck {
  readonly id: string;
  readonly target: SimulationTarget;
  readonly t: number;
  readonly lo: number;
  readonly hi: number;
  readonly loStrict: boolean;
  readonly hiStrict: boolean;
}

export interface Prepared {
  readonly plan: KernelPlan;
  readonly ids: string[];
  readonly years: number[];
  readonly baseYear: number;
  readonly quantiles: number[];
  readonly targets: TargetCheck[];
  readonly cagrThresholds: number[];
  /** Level of the analysed series a path must reach for each CAGR threshold. */
  readonly cagrLevels: number[];
  readonly crossing: { level: number; up: boolean }[];
  readonly samplePaths: number;
  readonly workers: number;
  readonly distribution: 'normal' | 'studentT';
  /** Deterministic level of each output series per year (the zero-volatility path), used to centre sums. */
  readonly centre: number[];
  readonly baseDraw: BaseDraw | null;
}

function bad(
  fn: string,
  message: string,
  path: string,
  expected: string,
  received: unknown,
  details: Record<string, unknown> = {},
): MetricsError {
  return argumentError('invalid_argument', `${fn}: ${message}`, path, expected, received, details);
}

function num(fn: string, name: string, v: unknown, test: (x: number) => boolean, rule: string, hint: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || !test(v)) {
    throw argumentError(
      typeof v === 'number' && !Number.isFinite(v) ? 'non_finite' : 'invalid_argument',
      `${fn}: ${name} must be ${rule} (got ${show(v)}). ${hint}`,
      name,
      rule,
      v,
      { [name]: v },
    );
  }
  return v;
}

/** num(), then the shared plausibility bound: a rate or volatility written as a percent is refused with a hint. */
function frac(
  fn: string,
  name: string,
  v: unknown,
  kind: FractionKind,
  test: (x: number) => boolean,
  rule: string,
  hint: string,
): number {
  const x = num(fn, name, v, test, rule, hint);
  assertPlausible(fn, name, x, kind);
  return x;
}

function int(fn: string, name: string, v: unknown, min: number, max: number, hint: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${name} must be a whole number from ${min} to ${max} (got ${show(v)}). ${hint}`,
      name,
      `a whole number from ${min} to ${max}`,
      v,
      { [name]: v },
    );
  }
  return v;
}

/** Checks and normalises options; `series` has one entry for simulate, one per sector otherwise. */
export function prepare(
  fn: string,
  o: SimulationRunOptions,
  series: readonly (SeriesModel & { id: string })[],
  correlation?: readonly (readonly number[])[],
): Prepared {
  if (o === null || typeof o !== 'object')
    throw bad(fn, `options must be an object (got ${show(o)}).`, 'options', 'an object', o);
  const baseYear = int(
    fn,
    'baseYear',
    o.baseYear,
    -100000,
    100000,
    'Give the calendar year of the base value, e.g. 2020.',
  );
  let years: number[];
  if (o.years !== undefined && o.toYear !== undefined) {
    throw bad(
      fn,
      `give either years or toYear, not both (got years ${show(o.years)} and toYear ${o.toYear}).`,
      'toYear',
      'years or toYear, not both',
      o.toYear,
    );
  }
  if (o.years !== undefined) {
    if (!Array.isArray(o.years) || o.years.length === 0)
      throw bad(
        fn,
        `years must be a non-empty array of years (got ${show(o.years)}). Or give toYear.`,
        'years',
        'a non-empty array of years',
        o.years,
      );
    years = [...o.years];
    for (let i = 0; i < years.length; i++) {
      if (years[i] !== baseYear + 1 + i) {
        throw bad(
          fn,
          `years must be consecutive, in order, starting the year after baseYear ${baseYear} (years[${i}] is ${show(years[i])}, expected ${baseYear + 1 + i}). List every year from ${baseYear + 1} to the horizon.`,
          `years[${i}]`,
          String(baseYear + 1 + i),
          years[i],
          { years },
        );
      }
    }
  } else if (o.toYear !== undefined) {
    const toYear = int(fn, 'toYear', o.toYear, -100000, 100000, 'Give the last simulated year.');
    if (toYear <= baseYear) {
      throw bad(
        fn,
        `toYear must be after baseYear ${baseYear} (got ${toYear}). The horizon cannot be before or at the base year.`,
        'toYear',
        `> baseYear (${baseYear})`,
        toYear,
        { toYear, baseYear },
      );
    }
    years = Array.from({ length: toYear - baseYear }, (_, i) => baseYear + 1 + i);
  } else {
    throw bad(fn, 'give years (e.g. [2021, 2022]) or toYear (e.g. 2025).', 'toYear', 'years or toYear', o.toYear);
  }
  const nYears = years.length;
  if (nYears > MAX_YEARS) {
    throw new MetricsError(
      'too_large',
      `${fn}: ${nYears} simulated years is more than ${MAX_YEARS} (got ${years[0]}-${years[nYears - 1]}). Check the years are calendar years.`,
      { years: nYears },
    );
  }
  if (typeof o.paths === 'number' && Number.isSafeInteger(o.paths) && o.paths > 2 ** 31 - 1) {
    // Refused up front with what it would take: at least one year of levels (8 bytes a path) plus the copy
    // quantile selection needs, before any memory is touched.
    const bytes = 16 * o.paths;
    throw new MetricsError(
      'too_large',
      `${fn}: ${o.paths} paths need at least ${formatBytes(bytes)} of working memory (got paths ${o.paths}; at most ${2 ** 31 - 1} paths, and ${formatBytes(o.maxMemoryBytes ?? totalmem() / 2)} may be used here). Use fewer paths, e.g. 100000.`,
      { paths: o.paths, bytes },
    );
  }
  const paths = int(fn, 'paths', o.paths, 1, 2 ** 31 - 1, 'Use e.g. 10000 paths.');
  const seed = o.seed;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw bad(
      fn,
      `seed must be a whole number >= 0 (got ${show(seed)}). Pick any, e.g. 2026, and keep it to reproduce results.`,
      'seed',
      'a whole number >= 0',
      seed,
      { seed },
    );
  }
  const distribution = o.distribution ?? 'normal';
  if (distribution !== 'normal' && distribution !== 'studentT') {
    throw bad(
      fn,
      `distribution must be "normal" or "studentT" (got ${show(distribution)}).`,
      'distribution',
      '"normal" or "studentT"',
      distribution,
      { distribution },
    );
  }
  let nu = 0;
  if (distribution === 'studentT') {
    nu = num(
      fn,
      'degreesOfFreedom',
      o.degreesOfFreedom ?? 5,
      (x) => x > 2,
      '> 2',
      'The Student-t variance is finite only above 2 degrees of freedom.',
    );
  } else if (o.degreesOfFreedom !== undefined) {
    throw bad(
      fn,
      `degreesOfFreedom applies only to distribution "studentT" (got distribution ${show(distribution)}). Set distribution: "studentT" or drop degreesOfFreedom.`,
      'degreesOfFreedom',
      'no degreesOfFreedom unless distribution is "studentT"',
      o.degreesOfFreedom,
    );
  }

  const K = series.length;
  const base: number[] = [],
    factor: number[] = [],
    vol: number[] = [],
    phi: number[] = [],
    innov: number[] = [];
  const mu: number[] = [],
    rareP: number[] = [],
    rareLog: number[] = [],
    cap: number[] = [],
    floor: number[] = [];
  const centreK: number[][] = [];
  for (let k = 0; k < K; k++) {
    const s = series[k]!;
    const p = K > 1 ? `sectors[${k}].` : '';
    if (K > 1) assertKnownFields(fn, `sectors[${k}]`, s, SECTOR_FIELDS);
    assertKnownFields(fn, `${p}bounds`, s.bounds, BOUNDS_FIELDS);
    assertKnownFields(fn, `${p}rareShock`, s.rareShock, RARE_SHOCK_FIELDS);
    base.push(
      num(fn, `${p}baseValue`, s.baseValue, (x) => x > 0, '> 0', 'Log-growth needs a positive starting level.'),
    );
    if (!Array.isArray(s.growth) || s.growth.length !== nYears) {
      throw bad(
        fn,
        `${p}growth must have one rate per simulated year, ${nYears} for ${years[0]}-${years[nYears - 1]} (got ${Array.isArray(s.growth) ? `${s.growth.length} rates` : show(s.growth)}).`,
        `${p}growth`,
        `one rate per simulated year (${nYears})`,
        s.growth,
      );
    }
    const shockF = new Array<number>(nYears).fill(1);
    if (s.shocks !== undefined && !Array.isArray(s.shocks))
      throw bad(
        fn,
        `${p}shocks must be an array of { year, size } (got ${show(s.shocks)}).`,
        `${p}shocks`,
        'an array of { year, size }',
        s.shocks,
      );
    // At most a few shocks a simulated year: a longer list is a mistake, and reading it would take seconds.
    if ((s.shocks?.length ?? 0) > MAX_YEARS) {
      throw new MetricsError(
        'too_large',
        `${fn}: ${p}shocks has ${s.shocks?.length} entries, more than the ${MAX_YEARS} a run takes (got ${s.shocks?.length}). Give one shock per year it hits.`,
      );
    }
    for (const [i, sh] of (s.shocks ?? []).entries()) {
      assertKnownFields(fn, `${p}shocks[${i}]`, sh, SHOCK_FIELDS);
      const t = years.indexOf(sh?.year as number);
      if (t < 0)
        throw bad(
          fn,
          `${p}shocks[${i}].year must be one of the simulated years ${years[0]}-${years[nYears - 1]} (got ${show(sh?.year)}).`,
          `${p}shocks[${i}].year`,
          `one of the simulated years ${years[0]}-${years[nYears - 1]}`,
          sh?.year,
        );
      shockF[t]! *=
        1 +
        frac(
          fn,
          `${p}shocks[${i}].size`,
          sh.size,
          'rate',
          (x) => x > -1,
          '> -1',
          'A shock of -1 would wipe out the level.',
        );
    }
    const bounds = s.bounds ?? {};
    const c =
      bounds.cap === undefined
        ? Infinity
        : num(fn, `${p}bounds.cap`, bounds.cap, (x) => x > 0, '> 0', 'Drop the cap for no cap.');
    const f =
      bounds.floor === undefined
        ? -Infinity
        : num(fn, `${p}bounds.floor`, bounds.floor, (x) => x >= 0, '>= 0', 'Drop the floor for no floor.');
    if (f > c)
      throw bad(
        fn,
        `${p}bounds.floor must not exceed bounds.cap (got floor ${f}, cap ${c}).`,
        `${p}bounds.floor`,
        `<= bounds.cap (${c})`,
        f,
      );
    cap.push(c);
    floor.push(f);
    const path: number[] = [];
    let level = base[k]!;
    for (let t = 0; t < nYears; t++) {
      const g = frac(
        fn,
        `${p}growth[${t}]`,
        s.growth[t],
        'rate',
        (x) => x > -1,
        '> -1',
        'Rates are fractions: 0.12 is 12% a year.',
      );
      const ft = (1 + g) * shockF[t]!;
      factor.push(ft);
      level = Math.min(c, Math.max(f, level * ft));
      path.push(level);
    }
    centreK.push(path);
    const v = frac(
      fn,
      `${p}volatility`,
      s.volatility,
      'volatility',
      (x) => x >= 0,
      '>= 0',
      'It is the standard deviation of yearly log-growth deviations, e.g. 0.05.',
    );
    const ph = num(
      fn,
      `${p}persistence`,
      s.persistence ?? 0,
      (x) => x > -1 && x < 1,
      'in (-1, 1)',
      'It is the AR(1) coefficient of the deviations; 0 means independent years.',
    );
    vol.push(v);
    phi.push(ph);
    innov.push(v * Math.sqrt(1 - ph * ph));
    mu.push(
      frac(
        fn,
        `${p}meanUncertainty`,
        s.meanUncertainty ?? 0,
        'volatility',
        (x) => x >= 0,
        '>= 0',
        'It is a standard deviation, e.g. 0.02.',
      ),
    );
    if (s.rareShock !== undefined) {
      rareP.push(
        num(
          fn,
          `${p}rareShock.probability`,
          s.rareShock.probability,
          (x) => x >= 0 && x <= 1,
          'in [0, 1]',
          'It is a probability per year, e.g. 0.05.',
        ),
      );
      rareLog.push(
        Math.log1p(
          frac(
            fn,
            `${p}rareShock.size`,
            s.rareShock.size,
            'rate',
            (x) => x > -1,
            '> -1',
            'The level is multiplied by 1 + size; -0.1 is a 10% drop.',
          ),
        ),
      );
    } else {
      rareP.push(0);
      rareLog.push(0);
    }
  }
  let chol: number[] | null = null;
  if (correlation !== undefined) {
    if (!Array.isArray(correlation) || correlation.length !== K) {
      throw bad(
        fn,
        `correlation must be a ${K} x ${K} matrix, one row per sector (got ${show(correlation)}).`,
        'correlation',
        `a ${K} x ${K} matrix`,
        correlation,
      );
    }
    // Every row and entry is checked here, before anything reads them: an entry that is not a number (an
    // object without a prototype) turned into a TypeError when the Cholesky check printed it.
    for (let i = 0; i < K; i++) {
      const row: unknown = correlation[i];
      if (!Array.isArray(row) || row.length !== K) {
        throw bad(
          fn,
          `correlation[${i}] must be a row of ${K} numbers, one per sector (got ${show(row)}).`,
          `correlation[${i}]`,
          `a row of ${K} numbers`,
          row,
          { row: i },
        );
      }
      for (let j = 0; j < K; j++) {
        const r: unknown = row[j];
        if (typeof r !== 'number') {
          throw bad(
            fn,
            `correlation[${i}][${j}] must be a number ${i === j ? '(1 on the diagonal)' : 'in [-1, 1]'} (got ${show(r)}).`,
            `correlation[${i}][${j}]`,
            i === j ? '1 on the diagonal' : 'a number in [-1, 1]',
            r,
            { row: i, column: j },
          );
        }
        if (i === j ? r !== 1 : !(r >= -1 && r <= 1)) {
          throw bad(
            fn,
            `correlation[${i}][${j}] must be ${i === j ? '1 on the diagonal' : 'in [-1, 1]'} (got ${r}).`,
            `correlation[${i}][${j}]`,
            i === j ? '1 on the diagonal' : 'in [-1, 1]',
            r,
            {
              row: i,
              column: j,
            },
          );
        }
      }
    }
    const l = cholesky(correlation, fn, 'correlation');
    if (K > 1) chol = [...l];
  }

  const ids = series.map((s) => s.id);
  if (new Set(ids).size !== ids.length)
    throw bad(fn, `sector ids must be unique (got ${show(ids)}).`, 'sectors', 'unique ids', ids);
  if (K > 1 && ids.includes('total'))
    throw bad(
      fn,
      'sector id "total" is reserved for the sum of the sectors. Rename that sector.',
      'sectors',
      'no sector with the id "total"',
      'total',
    );
  const S = K > 1 ? K + 1 : K;
  const centre: number[] = [];
  for (let t = 0; t < nYears; t++) for (let k = 0; k < K; k++) centre[k * nYears + t] = centreK[k]![t]!;
  if (K > 1) for (let t = 0; t < nYears; t++) centre[K * nYears + t] = centreK.reduce((a, p) => a + p[t]!, 0);
  const analysedBase = base.reduce((a, b) => a + b, 0);

  for (const name of ['quantiles', 'targets', 'cagrThresholds', 'crossing'] as const)
    assertResultCount(fn, name, o[name]);
  const qs = o.quantiles === undefined ? DEFAULT_QUANTILES : o.quantiles;
  if (!Array.isArray(qs))
    throw bad(
      fn,
      `quantiles must be an array of levels in [0, 1] (got ${show(qs)}).`,
      'quantiles',
      'an array of levels in [0, 1]',
      qs,
    );
  // Array.from, not map: map skips the holes of a sparse array, and a hole became an endless selection.
  const quantiles = Array.from(qs, (q, i) =>
    num(
      fn,
      `quantiles[${i}]`,
      q,
      (x) => x >= 0 && x <= 1,
      'in [0, 1]',
      'Quantile levels are fractions: 0.05, 0.5, 0.95.',
    ),
  );

  const targets: TargetCheck[] = Array.from(o.targets ?? [], (tg, i) => {
    assertKnownFields(fn, `targets[${i}]`, tg, TARGET_FIELDS);
    assertKnownFields(fn, `targets[${i}].tolerance`, tg?.tolerance, TOLERANCE_FIELDS);
    const t = years.indexOf(tg?.year as number);
    if (t < 0)
      throw bad(
        fn,
        `targets[${i}].year must be one of the simulated years ${years[0]}-${years[nYears - 1]} (got ${show(tg?.year)}).`,
        `targets[${i}].year`,
        `one of the simulated years ${years[0]}-${years[nYears - 1]}`,
        tg?.year,
      );
    const value = num(fn, `targets[${i}].value`, tg.value, () => true, 'a finite number', '');
    if (typeof tg.comparator !== 'string' || !Object.hasOwn(Comparator, tg.comparator)) {
      throw bad(
        fn,
        `targets[${i}].comparator must be one of ${Object.keys(Comparator).join(', ')} (got ${show(tg.comparator)}).`,
        `targets[${i}].comparator`,
        `one of ${Object.keys(Comparator).join(', ')}`,
        tg.comparator,
      );
    }
    if (tg.tolerance !== undefined) {
      num(fn, `targets[${i}].tolerance.relative`, tg.tolerance.relative ?? 0, (x) => x >= 0, '>= 0', '');
      num(fn, `targets[${i}].tolerance.absolute`, tg.tolerance.absolute ?? 0, (x) => x >= 0, '>= 0', '');
    }
    // Read exactly as targets/meets.ts reads a target: `about` without a tolerance is +-5%, `equals`
    // without one is the stated precision, and closed boundaries accept a relative 1e-12 of rounding.
    const width = toleranceWidth({
      value,
      comparator: tg.comparator,
      tolerance: tg.tolerance === undefined ? undefined : { ...tg.tolerance, assumption: '' },
    });
    const eps = 1e-12 * Math.abs(value);
    const id = tg.id ?? `${tg.comparator} ${value} in ${tg.year}`;
    const base = { id, target: tg, t };
    switch (tg.comparator) {
      case 'exceeds':
        return { ...base, lo: value, hi: Infinity, loStrict: true, hiStrict: false };
      case 'atLeast':
        return { ...base, lo: value - eps, hi: Infinity, loStrict: false, hiStrict: false };
      case 'atMost':
        return { ...base, lo: -Infinity, hi: value + eps, loStrict: false, hiStrict: false };
      case 'below':
        return { ...base, lo: -Infinity, hi: value, loStrict: false, hiStrict: true };
      case 'about':
      case 'equals':
        return { ...base, lo: value - width - eps, hi: value + width + eps, loStrict: false, hiStrict: false };
    }
  });

  const cagrThresholds = Array.from(o.cagrThresholds ?? [], (g, i) =>
    frac(fn, `cagrThresholds[${i}]`, g, 'rate', (x) => x > -1, '> -1', 'Rates are fractions: 0.1 is 10% a year.'),
  );
  const cagrLevels = cagrThresholds.map((g) => analysedBase * Math.pow(1 + g, nYears));
  const crossing = Array.from(o.crossing ?? [], (c, i) => {
    const level = num(
      fn,
      `crossing[${i}]`,
      c,
      (x) => x > 0 && x !== analysedBase,
      `> 0 and different from the base value ${analysedBase}`,
      'A level equal to the base is reached before the first simulated year.',
    );
    return { level, up: level > analysedBase };
  });
  const samplePaths = int(
    fn,
    'samplePaths',
    o.samplePaths ?? 0,
    0,
    paths,
    'Keep at most as many paths as are simulated.',
  );
  const workers = int(
    fn,
    'workers',
    o.workers ?? 1,
    1,
    MAX_WORKERS,
    'Use 1 for this thread, or about one per CPU core.',
  );
  const chunk = int(
    fn,
    'chunkSize',
    o.chunkSize ?? DEFAULT_CHUNK,
    1,
    2 ** 31 - 1,
    'It is a number of paths, e.g. 16384.',
  );
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function')
    throw bad(
      fn,
      `onProgress must be a function (got ${show(o.onProgress)}).`,
      'onProgress',
      'a function',
      o.onProgress,
    );

  let baseDraw: BaseDraw | null = null;
  if (o.baseDraw !== undefined) {
    const d = o.baseDraw;
    if (d === null || typeof d !== 'object')
      throw bad(
        fn,
        `baseDraw must be { lower, upper, distribution } (got ${show(d)}).`,
        'baseDraw',
        '{ lower, upper, distribution }',
        d,
      );
    assertKnownFields(fn, 'baseDraw', d, BASE_DRAW_FIELDS);
    const lower = num(fn, 'baseDraw.lower', d.lower, (x) => x > 0, '> 0', 'A base level must be positive.');
    const upper = num(
      fn,
      'baseDraw.upper',
      d.upper,
      (x) => x > lower,
      `> baseDraw.lower ${lower}`,
      'Give an interval of base levels, lower < upper; for a fixed base leave baseDraw out.',
    );
    if (d.distribution !== 'uniform' && d.distribution !== 'triangular')
      throw bad(
        fn,
        `baseDraw.distribution must be "uniform" or "triangular" (got ${show(d.distribution)}).`,
        'baseDraw.distribution',
        '"uniform" or "triangular"',
        d.distribution,
      );
    const mode =
      d.distribution === 'triangular'
        ? num(
            fn,
            'baseDraw.mode',
            d.mode ?? Math.min(upper, Math.max(lower, analysedBase)),
            (x) => x >= lower && x <= upper,
            `in [${lower}, ${upper}]`,
            'The peak of a triangular distribution lies in its interval.',
          )
        : (lower + upper) / 2;
    if (cagrThresholds.length > 0 || crossing.length > 0)
      throw bad(
        fn,
        'baseDraw cannot be combined with cagrThresholds or crossing (their thresholds are set from the stated base). Run them without baseDraw.',
        'baseDraw',
        'no baseDraw with cagrThresholds or crossing',
        o.baseDraw,
      );
    baseDraw = Object.freeze({
      lower,
      upper,
      distribution: d.distribution,
      ...(d.distribution === 'triangular' && { mode }),
    });
  }
  const hasDev = phi.some((x) => x !== 0);
  const hasOff = mu.some((x) => x > 0);
  // Levels (series and total) in 1 year buffer in this thread or 3 on workers (see kernel.ts), a copy
  // for the rare full selection, crossing flags, samples.
  const stateAndYears = workers > 1 ? 3 * S : S;
  const bytes =
    8 * paths * (stateAndYears + (hasDev ? K : 0) + (hasOff ? K : 0) + 1) +
    paths * crossing.length +
    8 * samplePaths * nYears * S * 2;
  const limit = o.maxMemoryBytes ?? totalmem() / 2;
  num(fn, 'maxMemoryBytes', limit, (x) => x > 0, '> 0', '');
  if (bytes > limit) {
    throw new MetricsError(
      'too_large',
      `${fn}: this run needs about ${formatBytes(bytes)} of working memory (got ${paths} paths, ${S} series), more than the limit of ${formatBytes(limit)}. Use fewer paths (the memory grows with paths, not years) or fewer sample paths.`,
      { bytes, limit },
    );
  }
  const nBlocks = Math.ceil(paths / BLOCK);
  const plan: KernelPlan = {
    seed,
    paths,
    nYears,
    K,
    S,
    nBlocks,
    chunkBlocks: Math.max(1, Math.ceil(chunk / BLOCK)),
    // Typed arrays, not number[]: a worker gets the plan by structured clone, which turns a number[] into
    // an array of boxed numbers, and the kernel ran a third slower on those (measured).
    base: f64(base),
    factor: f64(factor),
    vol: f64(vol),
    phi: f64(phi),
    innov: f64(innov),
    mu: f64(mu),
    rareP: f64(rareP),
    rareLog: f64(rareLog),
    cap: f64(cap),
    floor: f64(floor),
    chol: chol && f64(chol),
    nu,
    hasDev,
    hasOff,
    baseDist: baseDraw === null ? 0 : baseDraw.distribution === 'uniform' ? 1 : 2,
    baseLo: baseDraw?.lower ?? 0,
    baseHi: baseDraw?.upper ?? 0,
    baseMode: baseDraw?.mode ?? 0,
    baseTotal: analysedBase,
    centre: f64(centre),
    checks: [
      ...targets.map(({ t, lo, hi, loStrict, hiStrict }) => ({
        t,
        lo: loStrict ? nextAbove(lo) : lo,
        hi: hiStrict ? -nextAbove(-hi) : hi,
      })),
      ...cagrLevels.map((lo) => ({ t: nYears - 1, lo, hi: Infinity })),
    ],
  };
  return {
    plan,
    ids: K > 1 ? [...ids, 'total'] : ids,
    years,
    baseYear,
    quantiles,
    targets,
    cagrThresholds,
    cagrLevels,
    crossing,
    samplePaths,
    workers,
    distribution,
    centre,
    baseDraw,
  };
}

const f64 = (xs: readonly number[]): Float64Array => Float64Array.from(xs);

const bits = new Float64Array(1);
const word = new BigInt64Array(bits.buffer);
/** The smallest double above x (x itself for Infinity and NaN): x < y exactly when nextAbove(x) <= y. */
export function nextAbove(x: number): number {
  if (!(x < Infinity)) return x;
  if (x === 0) return Number.MIN_VALUE;
  bits[0] = x;
  word[0]! += x > 0 ? 1n : -1n;
  return bits[0]!;
}

/** Bytes for people: 512 MiB, 14.9 GiB, 14.6 TiB. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 || i === 0 ? v.toFixed(0) : v.toPrecision(3)} ${units[i]}`;
}
