import { convertScale, formatQuantity, type Unit, formatPercent } from '../../series/units.js';
import { factInterval } from '../../targets/checkConsistency.js';
import { describeFact } from '../../targets/describeFact.js';
import type { Fact } from '../../targets/fact.js';
import { toleranceWidth } from '../../targets/meets.js';
import type { ResolvedValue } from '../../spec/types.js';

/** What the wording of a model's base figure says about the base level, and what the model chose. */
export interface BaseWording {
  /** The interval of base levels the wording allows, in the model's unit (±Infinity where it is open). */
  readonly interval: readonly [number, number];
  /** `exact` (a stated level), `floor` (the base is the lower end of "more than"), `centre` (of "about"), `derived` (a back-cast), `assumed`. */
  readonly taken: 'exact' | 'floor' | 'centre' | 'derived' | 'assumed';
  /** The choice in words, when the model picked one value the wording does not fix; undefined for a stated level. */
  readonly choice?: string;
}

const q = (v: number, unit: Unit) => formatQuantity({ value: v, unit });

/**
 * The interval a resolved base allows and the choice the model made within it: a fact's comparator and
 * tolerance, a back-cast's two intervals (the end level's and the rate's), an observation's bound; an
 * assumption allows anything. Internal to the model code (checkModel, parseModel, probability bases).
 */
export function baseWording(base: ResolvedValue, unit: Unit, fromYear: number): BaseWording {
  const s = base.source;
  const conv = (x: number, u: Unit): number => (Number.isFinite(x) ? convertScale(x, u, unit) : x);
  if (s.kind === 'fact') {
    const f = s.fact;
    const [a, b] = factInterval(f);
    const interval = [conv(a, f.unit), conv(b, f.unit)] as const;
    if (f.comparator === 'exceeds' || f.comparator === 'atLeast')
      return {
        interval,
        taken: 'floor',
        choice: `taken at the floor of "${describeFact(f)}" (${f.id}): the wording sets no upper end, so the base is the lowest level it allows`,
      };
    if (f.comparator === 'about')
      return {
        interval,
        taken: 'centre',
        choice: `taken at the centre of "${describeFact(f)}" (${f.id}), which allows ${q(interval[0], unit)} to ${q(interval[1], unit)} (the tolerance is an assumption)`,
      };
    return { interval, taken: 'exact' };
  }
  if (s.kind === 'derived' && s.from.length !== 2) {
    // Not a back-cast from an end level at a rate: the formula's own figures, whatever the wording allows.
    return {
      interval: [-Infinity, Infinity],
      taken: 'derived',
      choice: `derived (${s.formula}) from ${s.from.length === 0 ? 'no stated figure' : s.from.map((f) => f.id).join(', ')}, a choice of the model`,
    };
  }
  if (s.kind === 'derived') {
    const [t, r] = s.from as [Fact, Fact];
    const n = t.year - fromYear;
    const [e0, e1] = factInterval(t);
    const [g0, g1] = factInterval(r);
    const lo = e0 > 0 && Number.isFinite(g1) && g1 > -1 ? e0 / Math.pow(1 + g1, n) : -Infinity;
    const hi = Number.isFinite(e1) && g0 > -1 ? e1 / Math.pow(1 + g0, n) : Infinity;
    const interval = [conv(lo, t.unit), conv(hi, t.unit)] as const;
    const allows =
      Number.isFinite(interval[0]) && Number.isFinite(interval[1])
        ? `between ${q(interval[0], unit)} and ${q(interval[1], unit)}`
        : Number.isFinite(interval[0])
          ? `only more than ${q(interval[0], unit)} (for growth up to ${formatPercent(g1)})`
          : Number.isFinite(interval[1])
            ? `only less than ${q(interval[1], unit)}`
            : 'nothing: both figures are one-sided';
    const end = t.comparator === 'exceeds' || t.comparator === 'atLeast' ? 'its floor' : 'its stated value';
    const rate =
      r.comparator === 'exceeds' || r.comparator === 'atLeast'
        ? 'its floor'
        : r.comparator === 'about'
          ? 'its centre'
          : 'its stated value';
    return {
      interval,
      taken: 'derived',
      choice: `back-cast (${s.formula}) from "${describeFact(t)}" at ${end} and "${describeFact(r)}" at ${rate}, a choice of the model: the wording determines ${allows}`,
    };
  }
  if (s.kind === 'observation') {
    const o = s.observation;
    const about = o.comparator === 'about' || o.comparator === 'equals';
    const w = about
      ? toleranceWidth({ value: o.value, comparator: o.comparator, tolerance: o.tolerance, unit: o.unit })
      : 0;
    const interval =
      o.comparator === 'exceeds' || o.comparator === 'atLeast'
        ? ([conv(o.value, o.unit), Infinity] as const)
        : about
          ? ([conv(o.value - w, o.unit), conv(o.value + w, o.unit)] as const)
          : ([-Infinity, conv(o.value, o.unit)] as const);
    const what = `${describeFact(o)} in ${o.year} (${o.id}, ${o.source.publisher}, ${o.source.published}${o.kind === 'estimate' ? ', an estimate' : ''})`;
    if (o.comparator === 'exceeds' || o.comparator === 'atLeast')
      return {
        interval,
        taken: 'floor',
        choice: `taken at the floor of the observation "${what}": it sets no upper end`,
      };
    if (o.comparator === 'about')
      return {
        interval,
        taken: 'centre',
        choice: `taken at the centre of the observation "${what}" (the tolerance is an assumption: ${o.tolerance?.assumption ?? 'none stated'})`,
      };
    return { interval, taken: 'exact' };
  }
  return { interval: [-Infinity, Infinity], taken: 'assumed' };
}
