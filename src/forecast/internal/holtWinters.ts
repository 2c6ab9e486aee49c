// Classical Holt-Winters fits for very short series, as R's forecast::ets() makes them when a series is
// too short for its state space model (n <= parameters + 4: 6 points or fewer for SES and automatic ETS,
// 8 for Holt, 9 for damped trend, where R drops the damping): R's HoltWintersZZ with the simple initial
// states l0 = y1, b0 = y2 - y1, alpha (and beta) in [0, 1] minimising the in-sample SSE, no damping,
// sigma^2 = SSE / n; forecasts and intervals then follow the ETS(A,A,N) / ETS(A,N,N) class 1 formulas with
// these alpha and beta, as R's forecast.ets does. Not exported from the package.

/** A classical Holt-Winters fit. */
export interface HoltWintersEstimate {
  readonly trend: boolean;
  readonly alpha: number;
  /** Classical trend smoothing weight (R passes it to the ETS formulas as beta). */
  readonly beta: number;
  readonly l0: number;
  readonly b0: number;
  readonly level: number;
  readonly slope: number;
  readonly fitted: number[];
  readonly residuals: number[];
  readonly sse: number;
  /** SSE / n, as R. */
  readonly sigma2: number;
}

/** Fewest observations R's ets() estimates a state space model from: n > parameters + 4. */
export function fitsStateSpace(n: number, trend: boolean, damped: boolean): boolean {
  const npars = 2 + (trend ? 2 : 0) + (damped ? 1 : 0);
  return n > npars + 4;
}

function filter(y: readonly number[], trend: boolean, alpha: number, beta: number, out?: { fitted: number[] }) {
  let l = y[0]!,
    b = trend ? y[1]! - y[0]! : 0,
    sse = 0;
  for (let i = 0; i < y.length; i++) {
    const f = l + b;
    const e = y[i]! - f;
    if (out) out.fitted.push(f);
    sse += e * e;
    const lNew = f + alpha * e;
    if (trend) b = beta * (lNew - l) + (1 - beta) * b;
    l = lNew;
  }
  return { sse, level: l, slope: b };
}

/**
 * A local, box-constrained descent from R's starting point, in the manner of R's optim(method =
 * "L-BFGS-B") with its numerical gradient (central differences, step 1e-3, moved inside the box): projected
 * gradient steps with backtracking, so the fit lands in the basin R's optimiser lands in (the SSE of a
 * short series often has a second minimum on the box's edge).
 */
function boxDescent(f: (p: number[]) => number, start: number[]): number[] {
  const d = start.length;
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  let x = start.map(clamp);
  let fx = f(x);
  let step = 0.1;
  for (let it = 0; it < 500; it++) {
    const g = x.map((xi, i) => {
      const up = Math.min(1, xi + 1e-3),
        dn = Math.max(0, xi - 1e-3);
      const xu = [...x],
        xd = [...x];
      xu[i] = up;
      xd[i] = dn;
      return (f(xu) - f(xd)) / (up - dn);
    });
    // Free coordinates: not pinned at a bound by a gradient pushing outwards.
    const dir = g.map((gi, i) => ((x[i]! <= 0 && gi > 0) || (x[i]! >= 1 && gi < 0) ? 0 : -gi));
    const norm = Math.hypot(...dir);
    if (norm === 0) break;
    let moved = false;
    for (let k = 0; k < 60; k++) {
      const y = x.map((xi, i) => clamp(xi + (step * dir[i]!) / norm));
      const fy = f(y);
      if (fy < fx - 1e-4 * step * norm * 1e-6) {
        const dx = Math.hypot(...y.map((v, i) => v - x[i]!));
        x = y;
        fx = fy;
        moved = true;
        step = Math.min(1, step * 2);
        if (dx < 1e-12) it = 500;
        break;
      }
      step /= 2;
    }
    if (!moved || step < 1e-12) break;
  }
  return d === x.length ? x : start;
}

/** Fits classical Holt (trend) or simple exponential smoothing (no trend) to `y` (at least 2 values). */
export function fitHoltWinters(y: readonly number[], trend: boolean): HoltWintersEstimate {
  let alpha: number,
    beta = 0;
  // R: optim(c(alpha = 0.2[, beta = 0.02]), SSE, method = "L-BFGS-B", lower = 0, upper = 1).
  if (!trend) {
    alpha = boxDescent((p) => filter(y, false, p[0]!, 0).sse, [0.2])[0]!;
  } else {
    const p = boxDescent((q) => filter(y, true, q[0]!, q[1]!).sse, [0.2, 0.02]);
    alpha = p[0]!;
    beta = p[1]!;
  }
  const out = { fitted: [] as number[] };
  const r = filter(y, trend, alpha, beta, out);
  const residuals = y.map((v, i) => v - out.fitted[i]!);
  return {
    trend,
    alpha,
    beta,
    l0: y[0]!,
    b0: trend ? y[1]! - y[0]! : 0,
    level: r.level,
    slope: r.slope,
    fitted: out.fitted,
    residuals,
    sse: r.sse,
    sigma2: r.sse / y.length,
  };
}
