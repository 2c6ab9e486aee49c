import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import { loadObservations } from '../../src/observations/loadObservations.js';
import { scoreTarget } from '../../src/scorecard/scoreTarget.js';
import { thrown } from '../helpers/thrown.js';

describe('scoreTarget', () => {
  it('a misspelt option is refused, naming the one meant', () => {
    const target = loadModel('big-data-14th-fyp').targets[0]!;
    expect(
      thrown(() => scoreTarget(target, loadObservations(), { asOf: 2022, planrate: 0.25 } as never)),
    ).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^scoreTarget: unknown option "planrate".*Did you mean planRate\?/),
    });
  });
  it('an observation it reads without a unit is refused with its path, not a TypeError (fuzz seed 16, planScorecard)', () => {
    const set = loadObservations();
    const { unit: _, ...noUnit } = set.observations[13]!; // obs.cybersecurity.caict-yoy-2019, a rate
    const broken = { ...set, observations: set.observations.map((o, i) => (i === 13 ? noUnit : o)) } as never;
    const target = loadModel('cybersecurity-2021-2023').targets[0]!;
    const e = thrown(() => scoreTarget(target, broken, { asOf: 2022 }));
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['set', 'observations', 13, 'unit'] }],
    });
    expect((e as Error).message).toMatch(/^scoreTarget: set\.observations\[13\]\.unit: /);
    // Observations it does not read (another definition) may still leave the unit out.
    const other = { ...set, observations: set.observations.map((o, i) => (i === 0 ? { ...o, unit: undefined } : o)) };
    expect(scoreTarget(target, other as never, { asOf: 2022 }).status).toBe(
      scoreTarget(target, set, { asOf: 2022 }).status,
    );
  });
});
