import { argumentError, show } from '../internal/assert.js';

// Internal: the 128-bit xoshiro128** state of stream `stream` of seed `seed`, shared by `rng()` and the
// Monte Carlo engine (which gives each block of 1024 paths its own stream). Not exported from the package.

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * The four 32-bit words of the xoshiro128** state for (seed, stream), derived by hashing both numbers
 * (a SplitMix-style finaliser), never all zero. `fn` names the caller in error messages.
 * @throws {MetricsError} invalid_argument when seed or stream is not a safe integer >= 0
 */
export function streamState(seed: number, stream: number, fn = 'rng'): Int32Array {
  for (const [name, v] of [
    ['seed', seed],
    ['stream', stream],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) {
      throw argumentError(
        'invalid_argument',
        `${fn}: ${name} must be a whole number >= 0 (got ${show(v)}). Pass e.g. seed 2026.`,
        `${name}`,
        'a whole number >= 0',
        v,
        { [name]: v },
      );
    }
  }
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 2 ** 32) >>> 0;
  let h =
    mix32(lo ^ 0x9e3779b9) ^
    mix32(hi + 0x7f4a7c15) ^
    mix32(((stream >>> 0) * 2 + 1) ^ 0x632be5ab) ^
    mix32(Math.floor(stream / 2 ** 32) + 0x1b873593);
  const next = (): number => (h = mix32((h + 0x9e3779b9) >>> 0));
  const s = new Int32Array(4);
  s[0] = next();
  s[1] = next();
  s[2] = next();
  s[3] = next();
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  return s;
}
