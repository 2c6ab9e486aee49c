import { formatPercent, formatQuantity } from '../series/units.js';
import type { Fact } from './fact.js';

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
  const q = f.unit.kind === 'fraction' ? formatPercent(f.value) : formatQuantity({ value: f.value, unit: f.unit });
  const w = WORDS[f.comparator];
  return `${w ? `${w} ` : ''}${q}${f.derivation ? ` (derived: ${f.derivation.formula})` : ''}`;
}
