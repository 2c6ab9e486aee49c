import { MetricsError } from '../errors.js';
import { show } from '../internal/assert.js';
import { parseQuantity, type Unit } from '../series/units.js';
import type { Comparator, Tolerance } from './fact.js';

/** A figure as its wording states it: the comparator the words imply, the number and its unit. */
export interface Wording {
  readonly comparator: Comparator;
  readonly value: number;
  readonly unit: Unit;
  /** For "about" wording: the library's default reading, labelled as the assumption it is. */
  readonly tolerance?: Tolerance;
  /** The comparator words found (`超过`, `more than`), or none for a plain figure. */
  readonly words: string;
}

// Words before the figure, longest first so 不超过 wins over 超过. Chinese as the plans write it: 超过 / 突破 /
// 高于 exceed, 达到 / 不低于 / 至少 reach (at least), 约 / 大约 about, 近 / 接近 nearly (at most), 不超过 at most,
// 低于 below; English: more than, over, exceed(s), at least, about, approximately, around, nearly, almost,
// at most, up to, less than, under.
const BEFORE: readonly (readonly [string, Comparator])[] = [
  ['不超过', 'atMost'],
  ['不低于', 'atLeast'],
  ['超过', 'exceeds'],
  ['突破', 'exceeds'],
  ['高于', 'exceeds'],
  ['达到', 'atLeast'],
  ['至少', 'atLeast'],
  ['大约', 'about'],
  ['约为', 'about'],
  ['约', 'about'],
  ['接近', 'atMost'],
  ['近', 'atMost'],
  ['低于', 'below'],
  ['more than', 'exceeds'],
  ['exceeding', 'exceeds'],
  ['exceeds', 'exceeds'],
  ['exceed', 'exceeds'],
  ['over', 'exceeds'],
  ['at least', 'atLeast'],
  ['approximately', 'about'],
  ['about', 'about'],
  ['around', 'about'],
  ['nearly', 'atMost'],
  ['almost', 'atMost'],
  ['at most', 'atMost'],
  ['up to', 'atMost'],
  ['less than', 'below'],
  ['under', 'below'],
];
/** Words after the figure: 以上 (and above), 左右 (about), 以下 (and below). */
const AFTER: readonly (readonly [string, Comparator])[] = [
  ['以上', 'atLeast'],
  ['左右', 'about'],
  ['以下', 'atMost'],
];

/**
 * Reads a figure as users paste it from a plan, in Chinese or English: `超过2500亿元` is more than
 * 2500 亿元, `2500亿元左右` and `约25%` are about, `近300` is at most 300 ("nearly" is a ceiling),
 * `不低于10%` is at least, `more than RMB 3 trillion`, `about 25%`. The number and unit are read as
 * {@link parseQuantity} reads them. "About" gets the library's default tolerance (±5%), labelled as an
 * assumption; give your own when you know better.
 * @throws {MetricsError} invalid_argument when no figure can be read
 * @example
 * parseWording('超过2500亿元').comparator; // => 'exceeds'
 * parseWording('近300').comparator; // => 'atMost'
 */
export function parseWording(text: string): Wording {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new MetricsError(
      'invalid_argument',
      `parseWording: expected a figure with its wording such as "超过2500亿元" or "more than RMB 3 trillion" (got ${show(text)}).`,
      { text },
    );
  }
  let rest = text.trim();
  let comparator: Comparator = 'equals';
  let words = '';
  const lower = rest.toLowerCase();
  for (const [w, c] of BEFORE) {
    if (
      lower.startsWith(w) &&
      (/[\u4e00-\u9fff]/.test(w) || /[\s\d$]|rmb|usd|cny/i.test(rest.slice(w.length, w.length + 4)))
    ) {
      comparator = c;
      words = rest.slice(0, w.length);
      rest = rest.slice(w.length).trim();
      break;
    }
  }
  for (const [w, c] of AFTER) {
    if (rest.endsWith(w)) {
      if (words !== '' && c !== comparator) {
        throw new MetricsError(
          'invalid_argument',
          `parseWording: "${text}" has two comparator words that disagree ("${words}" and "${w}"). Keep one.`,
          { text },
        );
      }
      comparator = c;
      words = words === '' ? w : `${words} … ${w}`;
      rest = rest.slice(0, -w.length).trim();
      break;
    }
  }
  let q: ReturnType<typeof parseQuantity>;
  try {
    q = parseQuantity(rest);
  } catch {
    throw new MetricsError(
      'invalid_argument',
      `parseWording: no figure in "${text}" after the comparator words (got ${show(rest)}). Write e.g. "超过2500亿元", "约25%" or "more than RMB 3 trillion".`,
      { text },
    );
  }
  return Object.freeze({
    comparator,
    value: q.value,
    unit: q.unit,
    ...(comparator === 'about'
      ? {
          tolerance: Object.freeze({
            relative: 0.05,
            assumption: `library default: "${words}" read as ± 5% of the figure; no document states a tolerance`,
          }),
        }
      : {}),
    words,
  });
}
