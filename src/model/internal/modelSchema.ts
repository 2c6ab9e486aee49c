// Not exported from the package: the model file's JSON schema as parseModel checks files against it (precompiled
// by the build; see src/internal/schemaValidator.ts).
import type { SchemaSource } from '../../internal/schemaValidator.js';
import { builtinPath } from '../../io/paths.js';

/** models/model.schema.json, shipped with the package. */
export const MODEL_SCHEMA: SchemaSource = {
  fn: 'parseModel',
  schemaPath: () => builtinPath('models/model.schema.json'),
  options: { allErrors: true, strict: false },
  precompiled: new URL('./modelValidator.generated.cjs', import.meta.url),
};
