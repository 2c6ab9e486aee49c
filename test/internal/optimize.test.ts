import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/internal/optimize.js';

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
