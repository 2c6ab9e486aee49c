// Normal and Student t quantiles for prediction intervals (not exported from the package).
// The normal CDF comes from the regularised incomplete gamma function, the t CDF from the
// regularised incomplete beta function (continued fractions, as in Press et al., Numerical Recipes,
// ch. 6.2 and 6.4); quantiles start from Acklam's rational approximation (normal) and are polished
// by Newton steps on the CDF, which gives about 1e-13 relative accuracy for p in [1e-10, 1 - 1e-10].

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised upper incomplete gamma Q(a, x). */
function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lead = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let ap = a,
      sum = 1 / a,
      del = sum;
    for (let k = 0; k < 500; k++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
    }
    return 1 - sum * Math.exp(lead);
  }
  // Lentz's continued fraction.
  const tiny = 1e-300;
  let b = x + 1 - a,
    c = 1 / tiny,
    d = 1 / b,
    h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.exp(lead) * h;
}

/** Standard normal CDF. */
export function normalCdf(x: number): number {
  const q = 0.5 * gammaQ(0.5, (x * x) / 2);
  return x >= 0 ? 1 - q : q;
}

const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const Cc = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

// Quantiles are asked for the same few levels again and again (every forecast's 80% and 95%): remember them.
const normalMemo = new Map<number, number>();
const tMemo = new Map<string, number>();
const MEMO_MAX = 4096;

/** Standard normal quantile for p in (0, 1). */
export function normalQuantile(p: number): number {
  const hit = normalMemo.get(p);
  if (hit !== undefined) return hit;
  const x = normalQuantileUncached(p);
  if (normalMemo.size < MEMO_MAX) normalMemo.set(p, x);
  return x;
}

function normalQuantileUncached(p: number): number {
  if (p === 0.5) return 0;
  const lo = 0.02425;
  let x: number;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((Cc[0]! * q + Cc[1]!) * q + Cc[2]!) * q + Cc[3]!) * q + Cc[4]!) * q + Cc[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  } else if (p <= 1 - lo) {
    const q = p - 0.5,
      r = q * q;
    x =
      ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
      (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((Cc[0]! * q + Cc[1]!) * q + Cc[2]!) * q + Cc[3]!) * q + Cc[4]!) * q + Cc[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  // Newton polish on the CDF (the density is never 0 here).
  for (let k = 0; k < 3; k++) {
    const pdf = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    const dx = (normalCdf(x) - p) / pdf;
    x -= dx;
    if (Math.abs(dx) < 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

/** Regularised incomplete beta I_x(a, b). */
function betaI(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lbt = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lbt) * betaCf(x, a, b)) / a;
  return 1 - (Math.exp(lbt) * betaCf(1 - x, b, a)) / b;
}

function betaCf(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b,
    qap = a + 1,
    qam = a - 1;
  let c = 1,
    d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** Student t CDF with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * betaI(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Student t quantile for p in (0, 1) and df > 0. */
export function tQuantile(p: number, df: number): number {
  const key = `${p} ${df}`;
  const hit = tMemo.get(key);
  if (hit !== undefined) return hit;
  const x = tQuantileUncached(p, df);
  if (tMemo.size < MEMO_MAX) tMemo.set(key, x);
  return x;
}

function tQuantileUncached(p: number, df: number): number {
  if (p === 0.5) return 0;
  if (df > 1e7) return normalQuantile(p);
  // Start from the normal quantile with the Cornish-Fisher correction, then Newton on the CDF.
  const z = normalQuantile(p);
  let x = z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
  const logc = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  for (let k = 0; k < 100; k++) {
    const pdf = Math.exp(logc - ((df + 1) / 2) * Math.log1p((x * x) / df));
    let dx = (tCdf(x, df) - p) / pdf;
    // Keep Newton steps from overshooting in the heavy tails of small df.
    if (Math.abs(dx) > Math.abs(x) / 2 + 1) dx = Math.sign(dx) * (Math.abs(x) / 2 + 1);
    x -= dx;
    if (Math.abs(dx) < 1e-14 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}
