/** Runs `fn` and returns what it threw, or fails the test when it did not throw. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw, and it returned');
}

/** Awaits `fn` and returns what it rejected with, or fails when it resolved. */
export async function rejected(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to reject, and it resolved');
}

/** |a - b| <= tol * max(|a|, |b|, tiny). */
export function relClose(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}
