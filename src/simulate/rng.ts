import { MetricsError } from '../errors.js';

/**
 * A seeded pseudo-random generator. The same seed (and stream) gives the same numbers on every
 * machine. `stream` selects an independent sequence for the same seed, so parallel work can give each
 * path or chunk its own stream and stay reproducible whatever the split.
 */
export interface Rng {
  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
  readonly seed: number;
  readonly stream: number;
}

// SplitMix64 on two 32-bit halves would need BigInt; instead the generator is xoshiro128** (32-bit
// operations only, fast in JS), seeded by SplitMix32-style hashing of (seed, stream).
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Makes a generator from an integer seed and an optional stream number.
 * @throws {MetricsError} invalid_argument when the seed or stream is not a safe integer >= 0
 * @example
 * rng(42).uniform() === rng(42).uniform(); // => true
 */
export function rng(seed: number, stream = 0): Rng {
  for (const [name, v] of [['seed', seed], ['stream', stream]] as const) {
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new MetricsError('invalid_argument', `rng: ${name} must be a whole number >= 0 (got ${v}). Pass e.g. rng(2026).`, { [name]: v });
    }
  }
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 2 ** 32) >>> 0;
  let h = mix32(lo ^ 0x9e3779b9) ^ mix32(hi + 0x7f4a7c15) ^ mix32((stream >>> 0) * 2 + 1 ^ 0x632be5ab) ^ mix32(Math.floor(stream / 2 ** 32) + 0x1b873593);
  const next = (): number => (h = mix32((h + 0x9e3779b9) >>> 0));
  let s0 = next(), s1 = next(), s2 = next(), s3 = next();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  const u32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
    return result;
  };
  let spare = NaN;
  const uniform = (): number => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992;
  return {
    seed,
    stream,
    uniform,
    normal(): number {
      if (!Number.isNaN(spare)) {
        const z = spare;
        spare = NaN;
        return z;
      }
      // Marsaglia polar method.
      let u: number, v: number, s: number;
      do {
        u = 2 * uniform() - 1;
        v = 2 * uniform() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt(-2 * Math.log(s) / s);
      spare = v * f;
      return u * f;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
