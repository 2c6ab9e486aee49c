import { describe, expect, it } from 'vitest';
import { bfgs, nelderMead, numericHessian } from '../../src/internal/optimize.js';

describe('nelderMead', () => {
  it('nelderMead(rosenbrock, [-1.2, 1]) lands where R optim() does', () => {
    // R's ?optim example: optim(c(-1.2, 1), fr) gives par 1.000260 1.000506, value 8.825241e-08,
    // counts function 195 (Nelder-Mead is optim's default).
    const r = nelderMead((p) => 100 * (p[1]! - p[0]! ** 2) ** 2 + (1 - p[0]!) ** 2, [-1.2, 1]);
    expect(r.x[0]).toBeCloseTo(1.00026, 5);
    expect(r.x[1]).toBeCloseTo(1.000506, 5);
    expect(r.value).toBeCloseTo(8.825241e-8, 12);
    expect(r.evaluations).toBe(195);
    expect(r.fail).toBe(0);
  });
  it('nelderMead treats Infinity as a wall and stays inside the feasible region', () => {
    const r = nelderMead((p) => (p[0]! < 0 ? Infinity : (p[0]! - 2) ** 2), [5]);
    expect(r.x[0]).toBeCloseTo(2, 4);
  });
  it('nelderMead starts from a step of 0.1 when the start is all zeros', () => {
    const r = nelderMead((p) => (p[0]! - 0.3) ** 2 + (p[1]! + 0.2) ** 2, [0, 0]);
    expect(r.value).toBeLessThan(1e-8);
  });
  it('nelderMead stops at maxit with fail 1', () => {
    const r = nelderMead((p) => 100 * (p[1]! - p[0]! ** 2) ** 2 + (1 - p[0]!) ** 2, [-1.2, 1], { maxit: 20 });
    expect(r.fail).toBe(1);
    expect(r.evaluations).toBeGreaterThan(20);
  });
  it('nelderMead throws when the start is infeasible', () => {
    expect(() => nelderMead(() => Infinity, [1])).toThrow(/starting point/);
  });
});

describe('bfgs and numericHessian', () => {
  it("bfgs on Rosenbrock from (-1.2, 1) ends where R's optim(method = 'BFGS') does, with the same counts", () => {
    const r = bfgs((p) => 100 * (p[1]! - p[0]! ** 2) ** 2 + (1 - p[0]!) ** 2, [-1.2, 1]);
    // R 4.2.2: par 0.99980443323139745 0.99960838062348123, value 3.8273827561079511e-08, counts 118 38
    expect(r.par[0]).toBe(0.99980443323139745);
    expect(r.par[1]).toBe(0.99960838062348123);
    expect(r.value).toBe(3.8273827561079511e-8);
    expect([r.fncount, r.grcount, r.fail]).toEqual([118, 38, 0]);
  });
  it("numericHessian equals R's optimHess (2, 3; 3, 0 up to the finite-difference error)", () => {
    const H = numericHessian((p) => p[0]! ** 2 + 3 * p[0]! * p[1]!, [1, 1]);
    expect(Array.from(H)).toEqual([1.999999999946489, 2.9999999999752447, 2.9999999999752447, -2.220446049250313e-10]);
  });
  it("bfgs with parscale and with a low maxit ends where R's optim does", () => {
    const fr = (p: Float64Array) => 100 * (p[1]! - p[0]! ** 2) ** 2 + (1 - p[0]!) ** 2;
    // R 4.2.2: optim(c(-1.2, 1), fr, method = "BFGS", control = list(parscale = c(10, 0.5))) gives par
    // 0.98043134235852525 0.96117192635036097, value 0.00038347539423714562, counts 155 37, convergence 0;
    // with control = list(maxit = 5): par -0.59872274454629648 0.4108768516645776, value 2.8305734933655939,
    // counts 16 5, convergence 1.
    const a = bfgs(fr, [-1.2, 1], { parscale: [10, 0.5] });
    expect([...a.par, a.value, a.fncount, a.grcount, a.fail]).toEqual([
      0.98043134235852525, 0.96117192635036097, 0.00038347539423714562, 155, 37, 0,
    ]);
    const b = bfgs(fr, [-1.2, 1], { maxit: 5 });
    expect([...b.par, b.value, b.fncount, b.grcount, b.fail]).toEqual([
      -0.59872274454629648, 0.4108768516645776, 2.8305734933655939, 16, 5, 1,
    ]);
  });
  it('bfgs with maxit 0 evaluates the start only', () => {
    const r = bfgs((p) => p[0]! ** 2 + 1, [3], { maxit: 0 });
    expect([...r.par, r.value, r.fail]).toEqual([3, 10, 0]);
  });
  it('bfgs throws when the start or a numerical gradient is not finite', () => {
    expect(() => bfgs(() => Infinity, [1])).toThrow(/initial value/);
    expect(() => bfgs((p) => (p[0]! > 1 ? Number.NaN : p[0]! ** 2), [1])).toThrow(/non-finite finite-difference/);
  });
});
