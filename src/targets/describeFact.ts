import { formatPercent, formatQuantity, unitArg } from '../series/units.js';
import { Comparator, type Fact } from './fact.js';
import { argumentError, assertFinite, show } from '../internal/assert.js';

const WORDS: Readonly<Record<Fact['comparator'], string>> = {
  exceeds: 'more than',
  atLeast: 'at least',
  about: 'about',
  atMost: 'at most',
  below: 'less than',
  equals: '',
};

/**
 * A fact's figure in words, with its comparator: `more than RMB 3 trillion`, `about 25%`, `17.1 trillion`.
 * A derived figure (no document states it) carries its derivation: `about RMB 8.55 trillion (derived: …)`.
 * @example
 * describeFact({ value: 0.25, comparator: 'about', unit: { kind: 'fraction' } }); // => 'about 25%'
 */
export function describeFact(
  f: Pick<Fact, 'value' | 'comparator' | 'unit'> & Pick<Partial<Fact>, 'derivation'>,
): string {
  if (f === null || typeof f !== 'object') {
    throw argumentError(
      'invalid_argument',
      `describeFact: expected a fact { value, comparator, unit } (got ${show(f)}).`,
      'fact',
      'a fact { value, comparator, unit }',
      f,
    );
  }
  assertFinite('describeFact', { value: f.value });
  if (typeof f.comparator !== 'string' || !Object.hasOwn(Comparator, f.comparator)) {
    throw argumentError(
      'invalid_argument',
      `describeFact: comparator must be one of ${Object.keys(Comparator).join(', ')} (got ${show(f.comparator)}).`,
      'fact.comparator',
      `one of ${Object.keys(Comparator).join(', ')}`,
      f.comparator,
    );
  }
  if (f.derivation !== undefined && (f.derivation === null || typeof f.derivation.formula !== 'string')) {
    throw argumentError(
      'invalid_argument',
      `describeFact: derivation must be { formula, from } (got ${show(f.derivation)}).`,
      'fact.derivation',
      '{ formula, from }',
      f.derivation,
    );
  }
  f = {
    value: f.value,
    comparator: f.comparator,
    unit: unitArg('describeFact', 'unit', f.unit),
    ...(f.derivation !== undefined ? { derivation: f.derivation } : {}),
  };
  const q = f.unit.kind === 'fraction' ? formatPercent(f.value) : formatQuantity({ value: f.value, unit: f.unit });
  const w = WORDS[f.comparator];
  return `${w ? `${w} ` : ''}${q}${f.derivation ? ` (derived: ${f.derivation.formula})` : ''}`;
}
