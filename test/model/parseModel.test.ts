import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseModel } from '../../src/model/parseModel.js';
import { loadSeeds } from '../../src/io/loadSeeds.js';
import type { MetricsError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';
import { modelProblems, myIndustryModel } from '../helpers/models.js';

const facts = loadSeeds();

const valid = () => ({
  ...myIndustryModel(),
  scenarios: { low: { description: 'low', path: { type: 'cagr', rate: { value: 0.2, assumption: 'a lower rate' } } } },
});

const problems = (json: unknown): string[] => modelProblems(json, facts);

describe('parseModel', () => {
  it('parseModel(valid) resolves facts, assumptions and the plan scenario', () => {
    const m = parseModel(valid(), 'my.model.json', facts);
    expect(m.base.value).toBe(1);
    expect(m.base.source).toMatchObject({ kind: 'fact', fact: { id: 'bd14.revenue-2020' } });
    expect(Object.keys(m.scenarios)).toEqual(['plan', 'low']);
    expect(m.scenarios['low']?.path).toMatchObject({
      type: 'cagr',
      rate: { value: 0.2, source: { kind: 'assumption', text: 'a lower rate' } },
    });
    expect(m.targets.map((t) => t.id)).toEqual(['bd14.revenue-2025']);
    expect(Object.isFrozen(m.base)).toBe(true);
  });

  it('a backcast base is target / (1 + rate)^years: the 13th plan implies RMB 0.2693 trillion in 2015', () => {
    const m = parseModel(
      {
        ...valid(),
        fromYear: 2015,
        toYear: 2020,
        base: { backcast: { target: 'bd13.revenue-2020', rate: 'bd13.cagr-2015-2020' } },
        targets: ['bd13.revenue-2020'],
        scenarios: {},
      },
      'x',
      facts,
    );
    expect(m.base.value).toBeCloseTo(1 / 1.3 ** 5, 14);
    expect(m.base.source).toMatchObject({
      kind: 'derived',
      formula: 'bd13.revenue-2020 / (1 + bd13.cagr-2015-2020)^5',
    });
  });

  it('a level fact in another scale of the same currency is converted exactly', () => {
    const m = parseModel({ ...valid(), unit: 'CNY billion', targets: [] }, 'x', facts);
    expect(m.base.value).toBe(1000);
  });

  it('a type error is reported at its path: targets[1]: expected a string, got 3', () => {
    expect(problems({ ...valid(), targets: ['bd14.revenue-2025', 3] })).toContain(
      'targets[1]: expected a string, got 3',
    );
  });

  it('a value reference with a string value says so at base.value', () => {
    expect(problems({ ...valid(), base: { value: '3T', assumption: 'three' } })).toContain(
      'base.value: expected a number, got "3T"',
    );
  });

  it('a percentage where a fraction belongs gets a hint: expected a fraction, got 28 (did you mean 0.28?)', () => {
    const json = valid();
    json.scenarios.low.path.rate = { value: 28, assumption: 'typed as percent' };
    expect(problems(json)).toContain(
      'scenarios.low.path.rate.value: expected a fraction at most 3 (300% a year), got 28 (did you mean 0.28?)',
    );
  });

  it('an unknown fact id suggests the closest ids', () => {
    const p = problems({ ...valid(), base: { fact: 'bd14.revenue-2021' } });
    expect(p[0]).toMatch(/^base\.fact: no fact with id "bd14\.revenue-2021" \(did you mean "bd14\.revenue-2020"/);
  });

  it('reports every problem at once, each with its path', () => {
    const p = problems({
      ...valid(),
      toYear: 2019,
      targets: ['nope'],
      uncertainty: { volatility: { value: -0.1, assumption: 'negative' } },
    });
    expect(p).toEqual(
      expect.arrayContaining([
        'toYear: must be after fromYear 2020, got 2019',
        expect.stringMatching(/^targets\[0\]: no fact with id "nope"/),
        'uncertainty.volatility: must be >= 0, got -0.1',
      ]),
    );
  });

  it('missing required fields and unknown fields are named', () => {
    const { title: _t, ...noTitle } = valid();
    expect(problems({ ...noTitle, colour: 'red' })).toEqual(
      expect.arrayContaining(['(top level): missing "title"; unknown field "colour"']),
    );
  });

  it('a rate fact where a level belongs, and a level fact where a rate belongs, are refused', () => {
    const p = problems({
      ...valid(),
      base: { fact: 'bd14.cagr-2020-2025' },
      path: { type: 'cagr', rate: { fact: 'bd14.revenue-2025' } },
    });
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^base\.fact: fact "bd14\.cagr-2020-2025" is in fraction, the model in CNY trillion/),
        expect.stringMatching(/^path\.rate\.fact: fact "bd14\.revenue-2025" is a level in CNY trillion, but a rate/),
      ]),
    );
  });

  it('a target of another metric or outside the projected years is refused', () => {
    expect(problems({ ...valid(), targets: ['cyber.revenue-2023'] })[0]).toMatch(
      /^targets\[0\]: fact "cyber\.revenue-2023" is of metric "cybersecurity\.revenue"/,
    );
    expect(problems({ ...valid(), toYear: 2024 })[0]).toMatch(
      /^targets\[0\]: fact "bd14\.revenue-2025" is for 2025, outside the projected years 2021-2024/,
    );
  });

  it('phases must run back to back from fromYear to toYear', () => {
    const p = problems({
      ...valid(),
      path: {
        type: 'phases',
        phases: [
          { fromYear: 2020, toYear: 2022, rate: { value: 0.2, assumption: 'phase one' } },
          { fromYear: 2023, toYear: 2024, rate: { value: 0.2, assumption: 'phase two' } },
        ],
      },
    });
    expect(p).toEqual(
      expect.arrayContaining([
        "path.phases[1].fromYear: expected 2022 (phases run back to back from the model's fromYear), got 2023",
        "path.phases: the last phase ends in 2024, before the model's toYear 2025",
      ]),
    );
  });

  it('sector shares must add up to 1', () => {
    const sectors = [
      {
        id: 'a',
        name: 'A',
        share: { value: 0.5, assumption: 'half' },
        path: { type: 'cagr', rate: { value: 0.2, assumption: 'sector rate' } },
      },
      {
        id: 'b',
        name: 'B',
        share: { value: 0.4, assumption: 'less' },
        path: { type: 'cagr', rate: { value: 0.2, assumption: 'sector rate' } },
      },
    ];
    expect(problems({ ...valid(), sectors })).toContain(
      'sectors: shares add up to 0.9, not 1; make the parts add up to the total',
    );
  });

  it('a base of 0 or below is refused, also when it is an assumption', () => {
    expect(problems({ ...valid(), base: { value: 0, assumption: 'a zero base, by mistake' } })).toContain(
      'base: the base level must be > 0, got 0',
    );
    expect(problems({ ...valid(), base: { value: -2, assumption: 'a negative base' } })).toContain(
      'base: the base level must be > 0, got -2',
    );
  });

  it('an unresolved base (unknown fact) is reported once, not also as "must be > 0"', () => {
    const p = problems({ ...valid(), base: { fact: 'no.such-fact' } });
    expect(p.filter((x) => x.startsWith('base'))).toHaveLength(1);
  });

  it('an assumption too short to say why is refused', () => {
    expect(problems({ ...valid(), base: { value: 1, assumption: 'x' } })).toContain(
      'base.assumption: must have at least 3 characters: say why the value was chosen',
    );
  });

  it('"plan" cannot be redefined as a scenario', () => {
    expect(problems({ ...valid(), scenarios: { plan: { description: 'again' } } })).toContain(
      'scenarios.plan: "plan" is the model\'s own path; give this scenario another name',
    );
  });

  it('the message names the file on every line', () => {
    const e = thrown(() => parseModel({ ...valid(), targets: [1] }, 'models/x.model.json', facts)) as MetricsError;
    expect(e.message).toContain('models/x.model.json: targets[0]: expected a string, got 1');
  });

  it('any JSON value either parses or throws invalid_definition, never something else', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        try {
          parseModel(json, 'x', facts);
          return true;
        } catch (e) {
          return (e as MetricsError).code === 'invalid_definition';
        }
      }),
      { numRuns: 200 },
    );
  });

  it('parsing does not mutate its input', () => {
    const json = valid();
    const before = JSON.stringify(json);
    parseModel(json, 'x', facts);
    expect(JSON.stringify(json)).toBe(before);
  });
});

// Found by the fuzz suite (FC_SEED=16, FUZZ_RUNS=300): JSON Schema's "integer" lets -Infinity through, and a
// period from -Infinity came out in the model. A number JSON cannot hold is a problem of the file.
describe('parseModel refuses numbers JSON cannot hold', () => {
  it.each([
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
  ])("a period's fromYear of %s", (name, v) => {
    const json = { ...valid(), periods: [{ label: '14th Five-Year Plan', fromYear: v, toYear: 2025 }] };
    const e = thrown(() => parseModel(json, 'my.model.json', facts)) as MetricsError;
    expect(e).toMatchObject({ code: 'invalid_definition', issues: [{ path: ['periods', 0, 'fromYear'] }] });
    expect(e.message).toBe(
      `my.model.json: 1 problem in the model file:\n  my.model.json: periods[0].fromYear: expected a finite number, got ${name}\nSee models/model.schema.json and the README section "Model files".`,
    );
  });
  it("a scenario's rate of Infinity", () => {
    const json = valid();
    const e = thrown(() =>
      parseModel(
        {
          ...json,
          scenarios: {
            low: { description: 'low', path: { type: 'cagr', rate: { value: Infinity, assumption: 'x' } } },
          },
        },
        'my.model.json',
        facts,
      ),
    ) as MetricsError;
    expect(e).toMatchObject({
      code: 'invalid_definition',
      issues: [{ path: ['scenarios', 'low', 'path', 'rate', 'value'] }],
    });
  });
});
