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
});
