import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import { modelReport } from '../../src/model/modelReport.js';
import { validateSpec } from '../../src/render/validateSpec.js';
import { BIG_DATA_2025_EXCEEDANCE } from '../helpers/normal.js';
import { rejected } from '../helpers/thrown.js';
import { MetricsError } from '../../src/errors.js';
import { loadObservations } from '../../src/observations/loadObservations.js';

describe('modelReport', () => {
  it('big-data-14th-fyp: P(exceeds 3 trillion in 2025) agrees with the lognormal closed form within 4 standard errors', async () => {
    const paths = 20000;
    const r = await modelReport(loadModel('big-data-14th-fyp'), { paths, seed: 11 });
    const p = r.monteCarlo?.targets[0]?.probability as number;
    // ln L_2025 ~ N(ln(1.25^5), 5 * 0.05^2): P(L > 3) = 1 - Φ((ln 3 - 5 ln 1.25) / (0.05 √5))
    const exact = BIG_DATA_2025_EXCEEDANCE;
    expect(Math.abs(p - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / paths));
    expect(r.charts.map((c) => c.name)).toEqual(['trajectories', 'fan', 'distribution']);
    for (const c of r.charts) expect(() => validateSpec(c.spec)).not.toThrow();
  });

  it('the same seed gives the same report numbers', async () => {
    const a = await modelReport(loadModel('cybersecurity-2021-2023'), { paths: 2000, seed: 5 });
    const b = await modelReport(loadModel('cybersecurity-2021-2023'), { paths: 2000, seed: 5 });
    expect(a.monteCarlo?.series).toEqual(b.monteCarlo?.series);
  });

  it('a model with sectors gets the sector charts, and no Monte Carlo without uncertainty', async () => {
    const r = await modelReport(loadModel('big-data-sectors-example'));
    expect(r.monteCarlo).toBeUndefined();
    expect(r.charts.map((c) => c.name)).toEqual(['trajectories', 'sector-levels', 'contributions', 'waterfall']);
  });

  it('a misspelt option is refused, naming the one meant', async () => {
    await expect(
      modelReport(loadModel('big-data-14th-fyp'), { paths: 100, widht: 760 } as never),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^modelReport: unknown option "widht".*Did you mean width\?/),
    });
  });
});

describe('chart subtitles say when a probability is by construction or a lower bound', () => {
  it('the 13th plan fan chart: "P for 2020 is 50 % by construction"; cybersecurity: "a lower bound"', async () => {
    const sub = async (id: string) => {
      const r = await modelReport(loadModel(id), { paths: 500, seed: 1 });
      const fan = r.charts.find((c) => c.name === 'fan')?.spec as { title?: { subtitle?: string | string[] } };
      return ([] as string[]).concat(fan.title?.subtitle ?? []).join(' ');
    };
    expect(await sub('big-data-13th-fyp')).toContain(
      'P for 2020 is 50% by construction (base back-cast from the target)',
    );
    expect(await sub('cybersecurity-2021-2023')).toContain(
      'P for 2023 is a lower bound (base and rate at the floors of',
    );
  });

  it('the distribution chart gives the same conditions as the fan: the assumed volatility and the caveat (issue 12)', async () => {
    const subs = async (id: string) => {
      const r = await modelReport(loadModel(id), { paths: 500, seed: 1 });
      const text = (name: string) => {
        const spec = r.charts.find((c) => c.name === name)?.spec as { title?: { subtitle?: string | string[] } };
        return ([] as string[]).concat(spec.title?.subtitle ?? []).join(' ');
      };
      return { fan: text('fan'), distribution: text('distribution') };
    };
    const bd14 = await subs('big-data-14th-fyp');
    expect(bd14.fan).toContain('growth volatility 5% a year (an assumption)');
    expect(bd14.distribution).toContain('growth volatility 5% a year (an assumption)');
    expect(bd14.distribution).toMatch(/P\(exceeds RMB 3 trillion in 2025\) = \d+%/);
    const cyber = await subs('cybersecurity-2021-2023');
    expect(cyber.distribution).toContain('growth volatility 4% a year (an assumption)');
    expect(cyber.distribution).toContain('P for 2023 is a lower bound (base and rate at the floors of');
  });
});

// Found by the fuzz suite (FC_SEED=15, FUZZ_RUNS=300): an observation without its source threw a TypeError
// (reading `publisher` of undefined) when the charts' source line named it. options.observations is checked.
describe('modelReport checks options.observations', () => {
  const set = loadObservations();
  const model = loadModel('cybersecurity-2021-2023');
  const i = set.observations.findIndex((o) => o.definition === 'cybersecurity-industry.miit-caict');
  it.each([
    [
      'an observation without a source',
      () => ({ ...set, observations: set.observations.map((o, j) => (j === i ? { ...o, source: undefined } : o)) }),
      ['options', 'observations', 'observations', i, 'source'],
      `modelReport: options.observations.observations[${i}].source must be { publisher, published, title, url } (got undefined).`,
    ],
    [
      'a definition that is null',
      () => ({ ...set, definitions: [null, ...set.definitions] }),
      ['options', 'observations', 'definitions', 0],
      'modelReport: options.observations.definitions[0] must be a metric definition { id, label, … } (got null). Pass what loadObservations() returns.',
    ],
    [
      'a set that is not an object',
      () => 'observations.json',
      ['options', 'observations'],
      'modelReport: options.observations must be an observation set { definitions, observations } (got "observations.json"). Pass what loadObservations() returns.',
    ],
  ])('refuses %s', async (_name, spoil, path, message) => {
    expect(i).toBeGreaterThanOrEqual(0);
    const e = await rejected(() => modelReport(model, { paths: 100, seed: 1, observations: spoil() as never }));
    expect(e).toBeInstanceOf(MetricsError);
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path }] });
    expect((e as Error).message).toBe(message);
  });
});
