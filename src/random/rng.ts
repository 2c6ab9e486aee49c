import { fillNormal as fillNormalState, nextU32 } from './samplers.js';
import { streamState } from './streamState.js';

/**
 * A seeded pseudo-random generator. The same seed (and stream) gives the same numbers on every
 * machine. `stream` selects an independent sequence for the same seed, so parallel work can give each
 * path or chunk its own stream and stay reproducible whatever the split.
 */
export interface Rng {
  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number;
  /** Standard normal (Marsaglia's polar method). */
  normal(): number;
  /**
   * Fills `out` with standard normals, fast (a 256-layer ziggurat, see src/random/samplers.ts),
   * and returns it. Its numbers differ from repeated `normal()` calls but come from the same stream.
   */
  fillNormal(out: Float64Array): Float64Array;
  readonly seed: number;
  readonly stream: number;
}

/**
 * Makes a generator from an integer seed and an optional stream number. The generator is xoshiro128**
 * (32-bit operations only, fast in JS), seeded by hashing (seed, stream).
 * @throws {MetricsError} invalid_argument when the seed or stream is not a safe integer >= 0
 * @example
 * rng(42).uniform() === rng(42).uniform(); // => true
 */
export function rng(seed: number, stream = 0): Rng {
  const state = streamState(seed, stream);
  let spare = NaN;
  const uniform = (): number => ((nextU32(state) >>> 5) * 67108864 + (nextU32(state) >>> 6)) / 9007199254740992;
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
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * f;
      return u * f;
    },
    fillNormal(out: Float64Array): Float64Array {
      fillNormalState(state, out, 0, out.length);
      return out;
    },
  };
}
