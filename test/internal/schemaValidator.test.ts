// Heavy dependencies load on first use, and JSON schemas are precompiled by the build and used only while they match
// their schema file (src/internal/dependencies.ts, src/internal/schemaValidator.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { requireDependency } from '../../src/internal/dependencies.js';
import { compileSchema, loadValidator, schemaHash, type SchemaSource } from '../../src/internal/schemaValidator.js';
import { MODEL_SCHEMA } from '../../src/model/internal/modelSchema.js';
import { VEGA_LITE_SCHEMA, withoutAnnotations } from '../../src/render/internal/vegaLiteSchema.js';
import { thrown } from '../helpers/thrown.js';

const require = createRequire(import.meta.url);
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A small schema in a temporary folder, with a precompiled module written by the test (or none). */
function source(precompiled: string | null): SchemaSource {
  const dir = mkdtempSync(join(tmpdir(), 'im-schema-'));
  made.push(dir);
  writeFileSync(
    join(dir, 'schema.json'),
    JSON.stringify({ type: 'object', properties: { rate: { type: 'number', maximum: 1 } }, required: ['rate'] }),
  );
  if (precompiled !== null) writeFileSync(join(dir, 'v.generated.cjs'), precompiled);
  return {
    fn: 'test',
    schemaPath: () => join(dir, 'schema.json'),
    options: { allErrors: true, strict: false },
    precompiled: pathToFileURL(join(dir, 'v.generated.cjs')),
  };
}

describe('precompiled schema validators', () => {
  it.each([
    ['vega-lite', VEGA_LITE_SCHEMA],
    ['model file', MODEL_SCHEMA],
  ])('the build precompiled the %s schema from the schema file as it is now, and it is the one used', (_, s) => {
    const file = fileURLToPath(s.precompiled);
    const precompiled = require(file) as { schemaSha256: string };
    expect(precompiled.schemaSha256).toBe(schemaHash(s));
    expect(loadValidator(s)).toBe(precompiled);
  });

  it('a precompiled validator made from another version of the schema is not used: the schema is compiled', () => {
    const s = source('module.exports = () => true; module.exports.schemaSha256 = "0000";');
    const validate = loadValidator(s);
    expect(validate({ rate: 2 })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/rate', keyword: 'maximum' });
  });

  it('without a precompiled validator (a checkout never built) the schema is compiled', () => {
    const validate = loadValidator(source(null));
    expect(validate({ rate: 0.5 })).toBe(true);
    expect(validate({})).toBe(false);
  });

  it('a precompiled validator gives the same errors as the schema compiled at run time (model file)', () => {
    const compiled = compileSchema(MODEL_SCHEMA).validate;
    const precompiled = loadValidator(MODEL_SCHEMA);
    expect(precompiled).not.toBe(compiled);
    const bad = [{}, { id: 3, fromYear: '2020' }, { id: 'x', metric: 'm', unit: 'GW', fromYear: 2020, toYear: 2025 }];
    for (const json of bad) {
      expect(precompiled(json)).toBe(compiled(json));
      expect(precompiled.errors?.map((e) => [e.instancePath, e.keyword, e.message])).toEqual(
        compiled.errors?.map((e) => [e.instancePath, e.keyword, e.message]),
      );
    }
  });

  it('withoutAnnotations drops descriptions but keeps a property named "description" and enum data', () => {
    const schema = {
      description: 'a spec',
      properties: { description: { type: 'string', description: 'what it shows' } },
      anyOf: [{ enum: ['a', 'b'], markdownDescription: 'x' }],
    };
    expect(withoutAnnotations(schema)).toEqual({
      properties: { description: { type: 'string' } },
      anyOf: [{ enum: ['a', 'b'] }],
    });
    expect(schema.description).toBe('a spec');
  });
});

describe('requireDependency', () => {
  it('loads a dependency on first use', () => {
    expect(typeof requireDependency<{ Ajv: unknown }>('test', 'ajv').Ajv).toBe('function');
  });

  it('a dependency that cannot be loaded is a not_found MetricsError saying what to do', () => {
    const e = thrown(() => requireDependency('svgToPng', 'no-such-package-here')) as Error & { code: string };
    expect(e).toMatchObject({ code: 'not_found' });
    expect(e.message).toMatch(
      /^svgToPng: cannot load the dependency no-such-package-here, needed for this function \(got /,
    );
    expect(e.message).toContain('Reinstall industry-metrics with its dependencies');
  });

  it('vega through require (what a tool compiling to CommonJS does) fails saying to run as an ES module', () => {
    const e = thrown(() => requireDependency('toSvg', 'vega')) as Error & { code: string; details: unknown };
    expect(e).toMatchObject({ code: 'not_found', details: { dependency: 'vega', cause: 'ERR_REQUIRE_ASYNC_MODULE' } });
    expect(e.message).toContain('toSvg: cannot load the dependency vega, needed for rendering charts (got ');
    expect(e.message).toContain('only import() can load: run industry-metrics as the ES module it is');
  });
});
