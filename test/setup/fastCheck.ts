// Property tests draw their cases from a fixed seed, so every run (and CI) checks the same cases and a
// failure is reproducible. To explore new cases: FC_SEED=random npm test (the seed is printed on failure),
// or FC_SEED=<number> to replay one.
import fc from 'fast-check';

const env = process.env['FC_SEED'];
const seed =
  env === 'random' ? Date.now() % 2147483647 : env !== undefined && /^-?\d+$/.test(env) ? Number(env) : 20261121;
fc.configureGlobal({ seed });
