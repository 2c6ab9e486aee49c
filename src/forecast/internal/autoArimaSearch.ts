// Automatic ARIMA order selection for non-seasonal (yearly) series, as R's `forecast::auto.arima` (8.20)
// does with its defaults: d by repeated KPSS tests, then a stepwise search over (p, q) and the constant
// by AICc (Hyndman & Khandakar 2008, Journal of Statistical Software 27(3)), with R's fallbacks. The
// algorithm is read from R's sources; the code is our own. Not exported from the package.
import { ArimaFitError, type ArimaModelFit, type ArimaRegressor, fitArimaModel } from './arimaEngine.js';
import { minRootModulus } from './polyRoots.js';
import { correctlyRoundedLog as log } from '../../internal/correctlyRoundedLog.js';

/** Highest AR and MA orders searched (R's max.p, max.q), also capped at a third of the series length. */
const MAX_ORDER = 5;
/** Highest number of differences (R's max.d). */
const MAX_D = 2;
/** Significance level of the KPSS tests (R's ndiffs alpha). */
const KPSS_ALPHA = 0.05;
/** Most models the stepwise search fits (R's nmodels). */
const MAX_MODELS = 94;
/** Above this length the search ranks models by CSS approximations, then refits the best by ML. */
const APPROXIMATION_LENGTH = 150;

/** How the constant enters: a drift (d = 1), a mean (d = 0), none, or the constant-data model. */
export type ArimaConstant = 'drift' | 'mean' | 'none' | 'constant-series';

/** One model the search fitted, with its criterion (null when R would reject it: failed fit or near-unit root). */
export interface ArimaCandidate {
  readonly model: string;
  readonly ic: number | null;
}

/** The search's choice. */
export interface ArimaSelection {
  readonly p: number;
  readonly d: number;
  readonly q: number;
  readonly constant: ArimaConstant;
  /** The ML fit of the chosen model. */
  readonly fit: ArimaModelFit;
  /** R's bias-adjusted innovation variance: RSS / (n - d - k), k the estimated coefficients. */
  readonly sigma2: number;
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
  /** The criterion that ranked the models: AICc, or AIC for 3 points or fewer. */
  readonly criterion: 'aicc' | 'aic';
  /** Every model fitted in the search, in order. */
  readonly candidates: readonly ArimaCandidate[];
  /** True when models were ranked by the CSS approximation (long series). */
  readonly approximation: boolean;
  /** What the search did that a reader should know (a fallback). */
  readonly notes: readonly string[];
}

/** R's `is.constant`: every value equal to the first within all.equal's relative tolerance 1.5e-8. */
export function isAlmostConstant(x: readonly number[]): boolean {
  const tol = Math.sqrt(Number.EPSILON);
  const x0 = x[0]!;
  let sumAbs = 0;
  let sumDiff = 0;
  let count = 0;
  for (const v of x) {
    if (v === x0) continue;
    sumAbs += Math.abs(v);
    sumDiff += Math.abs(v - x0);
    count++;
  }
  if (count === 0) return true;
  let scale = sumAbs / count;
  if (!(Number.isFinite(scale) && scale > tol)) scale = 1;
  return sumDiff / (count * scale) <= tol;
}

/**
 * The KPSS statistic for level stationarity (Kwiatkowski et al. 1992) with a Bartlett-weighted long-run
 * variance over `lags` lags, as `urca::ur.kpss(type = "mu")` computes it.
 */
export function kpssStatistic(y: readonly number[], lags: number): number {
  const n = y.length;
  let mean = 0;
  for (const v of y) mean += v;
  mean /= n;
  const res = y.map((v) => v - mean);
  let s = 0;
  let sumS2 = 0;
  let sumR2 = 0;
  for (const r of res) {
    s += r;
    sumS2 += s * s;
    sumR2 += r * r;
  }
  const numerator = sumS2 / (n * n);
  let denominator = sumR2 / n;
  if (lags > 0) {
    let acc = 0;
    for (let l = 1; l <= lags; l++) {
      let cov = 0;
      for (let t = l; t < n; t++) cov += res[t]! * res[t - l]!;
      acc += (1 - l / (lags + 1)) * cov;
    }
    denominator += (2 / n) * acc;
  }
  return numerator / denominator;
}

/** KPSS critical values (level) at 10, 5, 2.5 and 1%, and the p-value interpolated linearly between them. */
const KPSS_CRITICAL = [0.347, 0.463, 0.574, 0.739] as const;
const KPSS_LEVELS = [0.1, 0.05, 0.025, 0.01] as const;

/** The p-value of a KPSS statistic as forecast::ndiffs reads it: linear between the table's points, clamped. */
export function kpssPValue(stat: number): number {
  if (Number.isNaN(stat)) return Number.NaN;
  if (stat <= KPSS_CRITICAL[0]) return KPSS_LEVELS[0];
  if (stat >= KPSS_CRITICAL[3]) return KPSS_LEVELS[3];
  let i = 0;
  while (stat > KPSS_CRITICAL[i + 1]!) i++;
  const x0 = KPSS_CRITICAL[i]!;
  const x1 = KPSS_CRITICAL[i + 1]!;
  const y0 = KPSS_LEVELS[i]!;
  const y1 = KPSS_LEVELS[i + 1]!;
  return y0 + ((y1 - y0) * (stat - x0)) / (x1 - x0);
}

function diff(x: readonly number[]): number[] {
  return x.slice(1).map((v, i) => v - x[i]!);
}

/**
 * The number of first differences (0 to 2) that make the series level-stationary, as R's
 * `forecast::ndiffs(x)` decides: difference while the KPSS test rejects stationarity at 5% (lags
 * trunc(3 sqrt(n) / 13)), stop at a constant series or an undefined test.
 */
export function differencesNeeded(x: readonly number[]): number {
  let y = [...x];
  let d = 0;
  if (isAlmostConstant(y)) return d;
  const rejects = (v: readonly number[]): boolean | null => {
    const p = kpssPValue(kpssStatistic(v, Math.trunc((3 * Math.sqrt(v.length)) / 13)));
    return Number.isNaN(p) ? null : p < KPSS_ALPHA;
  };
  let dodiff = rejects(y);
  if (dodiff === null) return d;
  while (dodiff && d < MAX_D) {
    d++;
    y = diff(y);
    if (isAlmostConstant(y)) return d;
    dodiff = rejects(y);
    if (dodiff === null) return d - 1;
  }
  return d;
}

/** R's name of a model, e.g. "ARIMA(0,1,1) with drift". */
export function arimaLabel(p: number, d: number, q: number, constant: ArimaConstant): string {
  const base = `ARIMA(${p},${d},${q})`;
  if (constant === 'drift') return `${base} with drift`;
  if (constant === 'mean' || constant === 'constant-series') return `${base} with non-zero mean`;
  return d === 0 ? `${base} with zero mean` : base;
}

interface Scored {
  readonly ic: number;
  readonly fit?: ArimaModelFit;
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
  readonly sigma2: number;
}

const FAILED: Scored = { ic: Infinity, aic: Infinity, aicc: Infinity, bic: Infinity, sigma2: Number.NaN };

function regressorFor(d: number, constant: boolean): ArimaRegressor | null {
  if (!constant) return null;
  if (d === 0) return 'intercept';
  if (d === 1) return 'drift';
  return null;
}

/** Last index + 1 of the entries with |v| > 1e-8. */
function significantLength(v: readonly number[]): number {
  let k = v.length;
  while (k > 0 && !(Math.abs(v[k - 1]!) > 1e-8)) k--;
  return k;
}

/**
 * Fits one candidate and scores it as forecast's internal `myarima` does: AICc (or AIC) from the exact
 * likelihood (or the CSS approximation plus `offset`), the bias-adjusted sigma^2, and Inf for a model whose
 * fit failed, whose AR or MA polynomial has a root within 1.01 of the unit circle, or whose coefficient
 * variances are not all >= 0.
 */
function scoreCandidate(
  x: readonly number[],
  p: number,
  d: number,
  q: number,
  constant: boolean,
  criterion: 'aicc' | 'aic',
  approximation: boolean,
  offset: number,
): Scored {
  let fit: ArimaModelFit;
  try {
    fit = fitArimaModel(x, { p, d, q, regressor: regressorFor(d, constant), method: approximation ? 'CSS' : 'CSS-ML' });
  } catch (e) {
    if (e instanceof Error) return FAILED;
    throw e;
  }
  const nstar = x.length - d;
  const npar = fit.coef.length + 1;
  const aic = approximation ? offset + nstar * log(fit.sigma2) + 2 * npar : fit.aic;
  let ic = Infinity;
  let aicc = Infinity;
  let bic = Infinity;
  if (!Number.isNaN(aic)) {
    bic = aic + npar * (log(nstar) - 2);
    aicc = aic + (2 * npar * (npar + 1)) / (nstar - npar - 1);
    ic = criterion === 'aicc' ? aicc : aic;
  }
  let rss = 0;
  for (const r of fit.residuals) if (!Number.isNaN(r)) rss += r * r;
  const sigma2 = rss / (nstar - npar + 1);
  let minRoot = 2;
  if (p > 0) {
    const k = significantLength(fit.phi);
    if (k > 0) minRoot = Math.min(minRoot, minRootModulus([1, ...fit.phi.slice(0, k).map((v) => -v)]));
  }
  if (q > 0 && ic < Infinity) {
    const k = significantLength(fit.theta);
    if (k > 0) minRoot = Math.min(minRoot, minRootModulus([1, ...fit.theta.slice(0, k)]));
  }
  const badVariance =
    fit.varCoef !== null &&
    Array.from({ length: fit.coef.length }, (_, i) => fit.varCoef![i * fit.coef.length + i]!).some(
      (v) => Number.isNaN(v) || v < 0,
    );
  if (minRoot < 1 + 1e-2 || badVariance) ic = Infinity;
  return { ic, fit, aic, aicc, bic, sigma2 };
}

/** Information criteria of a model fitted outside the search (R's `Arima()`), with its adjusted sigma^2. */
function scoreFixed(x: readonly number[], fit: ArimaModelFit, estimated: number): Scored {
  const nstar = x.length - fit.d;
  const npar = estimated + 1;
  const aic = fit.aic;
  let rss = 0;
  for (const r of fit.residuals) if (!Number.isNaN(r)) rss += r * r;
  return {
    ic: aic,
    fit,
    aic,
    aicc: aic + 2 * npar * (nstar / (nstar - npar - 1) - 1),
    bic: aic + npar * (log(nstar) - 2),
    sigma2: rss / (nstar - npar + 1),
  };
}

function selection(
  scored: Scored,
  constant: ArimaConstant,
  criterion: 'aicc' | 'aic',
  candidates: readonly ArimaCandidate[],
  approximation: boolean,
  notes: readonly string[],
): ArimaSelection {
  const fit = scored.fit!;
  return {
    p: fit.p,
    d: fit.d,
    q: fit.q,
    constant,
    fit,
    sigma2: scored.sigma2,
    aic: scored.aic,
    aicc: scored.aicc,
    bic: scored.bic,
    criterion,
    candidates,
    approximation,
    notes,
  };
}

/**
 * Chooses and fits an ARIMA model for a non-seasonal series as R's `auto.arima(y)` does at its defaults.
 * When no candidate passes R's checks (R stops with "No suitable ARIMA model found"), falls back to
 * ARIMA(0,1,0), the random walk, and says so in `notes`.
 */
export function autoArimaSearch(x: readonly number[]): ArimaSelection {
  const n = x.length;
  const criterion: 'aicc' | 'aic' = n <= 3 ? 'aic' : 'aicc';
  if (isAlmostConstant(x)) {
    const fit = fitArimaModel(x, { p: 0, d: 0, q: 0, regressor: 'intercept', fixedRegression: meanOf(x) });
    return selection(scoreFixed(x, fit, 0), 'constant-series', criterion, [], false, [
      'The series is constant: the forecast is that value, with zero-width intervals (as R).',
    ]);
  }
  const maxP = Math.min(MAX_ORDER, Math.floor(n / 3));
  const maxQ = Math.min(MAX_ORDER, Math.floor(n / 3));
  const d = differencesNeeded(x);
  let dx = [...x];
  for (let k = 0; k < d; k++) dx = diff(dx);
  if (dx.length === 0) throw new ArimaFitError('not enough data to proceed');
  if (isAlmostConstant(dx)) {
    // Exactly linear (d = 1) or quadratic (d = 2) data: R fits the polynomial with the constant fixed.
    const fit =
      d === 2
        ? fitArimaModel(x, { p: 0, d: 2, q: 0 })
        : fitArimaModel(x, { p: 0, d, q: 0, regressor: d === 1 ? 'drift' : 'intercept', fixedRegression: meanOf(dx) });
    const constant: ArimaConstant = d === 2 ? 'none' : d === 1 ? 'drift' : 'mean';
    return selection(scoreFixed(x, fit, 0), constant, criterion, [], false, [
      `The ${d === 1 ? 'differences are' : 'second differences are'} constant: ${arimaLabel(0, d, 0, constant)} with the constant fixed at the data's (as R).`,
    ]);
  }
  const approximation = n > APPROXIMATION_LENGTH;
  let offset = 0;
  if (approximation) {
    try {
      const base = fitArimaModel(x, { p: 0, d, q: 0, regressor: d === 0 ? 'intercept' : null });
      offset = -2 * base.loglik - n * log(base.sigma2);
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      offset = 0;
    }
  }
  const allowConstant = d <= 1;
  let constant = allowConstant;
  const startP = n < 10 ? 1 : 2;
  const startQ = n < 10 ? 1 : 2;
  let p = Math.min(startP, maxP);
  let q = Math.min(startQ, maxQ);

  interface Row {
    readonly p: number;
    readonly q: number;
    readonly constant: boolean;
    readonly scored: Scored;
  }
  const rows: Row[] = [];
  const seen = (pp: number, qq: number, cc: boolean): boolean =>
    rows.some((r) => r.p === pp && r.q === qq && r.constant === cc);
  const fitRow = (pp: number, qq: number, cc: boolean): Scored => {
    const scored = scoreCandidate(x, pp, d, qq, cc, criterion, approximation, offset);
    rows.push({ p: pp, q: qq, constant: cc, scored });
    return scored;
  };

  let best = fitRow(p, q, constant);
  let bestConstant = constant;
  let fit = fitRow(0, 0, constant);
  if (fit.ic < best.ic) {
    best = fit;
    bestConstant = constant;
    p = 0;
    q = 0;
  }
  if (maxP > 0) {
    fit = fitRow(1, 0, constant);
    if (fit.ic < best.ic) {
      best = fit;
      bestConstant = constant;
      p = 1;
      q = 0;
    }
  }
  if (maxQ > 0) {
    fit = fitRow(0, 1, constant);
    if (fit.ic < best.ic) {
      best = fit;
      bestConstant = constant;
      p = 0;
      q = 1;
    }
  }
  if (constant) {
    fit = fitRow(0, 0, false);
    if (fit.ic < best.ic) {
      // As R: the best model has no constant, but the search goes on with `constant` unchanged.
      best = fit;
      bestConstant = false;
      p = 0;
      q = 0;
    }
  }
  // Neighbours of the current best, in R's order; the first improvement restarts the round.
  const moves: readonly (readonly [number, number])[] = [
    [-1, 0],
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, -1],
    [-1, 1],
    [1, -1],
    [1, 1],
  ];
  let k = rows.length;
  let startk = 0;
  round: while (startk < k && k < MAX_MODELS) {
    startk = k;
    for (const [dp, dq] of moves) {
      const pp = p + dp;
      const qq = q + dq;
      if (pp < 0 || qq < 0 || pp > maxP || qq > maxQ || seen(pp, qq, constant)) continue;
      k++;
      if (k > MAX_MODELS) continue round;
      fit = fitRow(pp, qq, constant);
      if (fit.ic < best.ic) {
        best = fit;
        bestConstant = constant;
        p = pp;
        q = qq;
        continue round;
      }
    }
    if (allowConstant && !seen(p, q, !constant)) {
      k++;
      if (k > MAX_MODELS) continue;
      fit = fitRow(p, q, !constant);
      if (fit.ic < best.ic) {
        best = fit;
        constant = !constant;
        bestConstant = constant;
      }
    }
  }
  const notes: string[] = [];
  if (approximation && best.fit !== undefined) {
    // Refit by exact ML, best CSS criterion first, until one passes the checks.
    const order = rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.scored.ic - b.r.scored.ic || a.i - b.i);
    for (const { r } of order) {
      const refit = scoreCandidate(x, r.p, d, r.q, r.constant, criterion, false, 0);
      if (refit.ic < Infinity) {
        best = refit;
        bestConstant = r.constant;
        break;
      }
    }
    notes.push(
      `${n} observations: models were ranked by the conditional-sum-of-squares approximation, then the best refitted by exact likelihood (as R for series longer than ${APPROXIMATION_LENGTH}).`,
    );
  }
  const candidates = rows.map((r) => {
    const c: ArimaConstant = regressorFor(d, r.constant) === null ? 'none' : d === 0 ? 'mean' : 'drift';
    return { model: arimaLabel(r.p, d, r.q, c), ic: Number.isFinite(r.scored.ic) ? r.scored.ic : null };
  });
  if (best.ic === Infinity || best.fit === undefined) {
    const rw = fitArimaModel(x, { p: 0, d: 1, q: 0 });
    return selection(scoreFixed(x, rw, 0), 'none', criterion, candidates, approximation, [
      ...notes,
      `No candidate passed R's checks (each failed to fit, had a root within 1.01 of the unit circle, or a negative coefficient variance; R stops here): ARIMA(0,1,0), the random walk, is used instead.`,
    ]);
  }
  const chosen: ArimaConstant = regressorFor(d, bestConstant) === null ? 'none' : d === 0 ? 'mean' : 'drift';
  return selection(best, chosen, criterion, candidates, approximation, notes);
}

function meanOf(v: readonly number[]): number {
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}
