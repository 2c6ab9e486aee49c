// Claims written in examples (JSDoc @examples and the snippets of README.md and docs/), checked when they run:
//   expression; // => expected      (deep equality; numbers exactly as printed)
//   expression; // ≈ expected       (numbers to the precision printed: ±half a unit in the last digit shown)
// A claim may sit on its own line under the call (`// => [...]`, possibly continued on more `//` lines), and may end
// with a note in parentheses after a space (`// ≈ 0.56 (at 5 points of volatility)`). `[a, b, …]` checks a prefix.
// Every other line runs unchanged, in order.

/** One claim: the line it is on, `=>` or `≈`, the expected value's text, and whether it checks a prefix. */
export interface Claim {
  readonly line: string;
  readonly kind: '=>' | '≈';
  readonly expectedText: string;
  readonly prefix: boolean;
}

const CHECK = /^(.*?);?\s*\/\/\s*(=>|≈)\s*(.+)$/;

/** Puts a claim written on its own line (and its `//` continuation lines) onto the line of the call it belongs to. */
export function joinClaims(body: readonly string[]): string[] {
  const out: string[] = [];
  let open = 0;
  const balance = (t: string) => (t.match(/[[{(]/g)?.length ?? 0) - (t.match(/[\]})]/g)?.length ?? 0);
  for (const raw of body) {
    const t = raw.trim();
    if (/^\/\/\s*(=>|≈)/.test(t) && out.length > 0) {
      out[out.length - 1] = `${(out[out.length - 1] as string).replace(/;?\s*$/, ';')} ${t}`;
      open = balance(t);
      continue;
    }
    if (open > 0 && /^\/\//.test(t) && out.length > 0) {
      const more = t.replace(/^\/\/\s*/, '');
      out[out.length - 1] = `${out[out.length - 1] as string} ${more}`;
      open += balance(more);
      continue;
    }
    open = 0;
    out.push(raw);
  }
  return out;
}

/**
 * The expected value's text: a trailing note in parentheses is dropped (`1.5 (MAE 2 / scale 4/3)`), and
 * `Float64Array [1, 2]` reads as the array of its elements.
 */
function expectedLiteral(text: string): string {
  let t = text.replace(/^(Float64Array|Float32Array|Int32Array)\s*(?=\[)/, '');
  if (t.endsWith(')')) {
    // Find the "(" that opens the final group; a space before it marks a note, not a call.
    let depth = 0;
    for (let i = t.length - 1; i >= 0; i--) {
      if (t[i] === ')') depth++;
      else if (t[i] === '(' && --depth === 0) {
        if (i > 0 && /\s/.test(t[i - 1] as string)) t = t.slice(0, i).trimEnd();
        break;
      }
    }
  }
  return t;
}

/**
 * The lines with every claim turned into `await <callee>(<index>, async () => (actual), () => (expected))`, and the
 * claims in order. A call spread over several lines is gathered up to the line with the claim.
 */
export function claimStatements(body: readonly string[], callee: string): { statements: string[]; claims: Claim[] } {
  const claims: Claim[] = [];
  // Lines of a call that spans several lines, waiting for the line that closes it.
  let pending: string[] = [];
  const balance = (t: string) => (t.match(/[([{]/g)?.length ?? 0) - (t.match(/[)\]}]/g)?.length ?? 0);
  const statements = joinClaims(body).flatMap((raw) => {
    const m = CHECK.exec(raw.trim());
    if (!m) {
      pending.push(raw);
      if (balance(pending.join('\n')) > 0) return [];
      const done = pending;
      pending = [];
      return done;
    }
    const head = pending.join('\n');
    pending = [];
    let expectedText = expectedLiteral((m[3] as string).trim());
    let prefix = false;
    if (/,\s*…\s*\]$/.test(expectedText)) {
      expectedText = expectedText.replace(/,\s*…\s*\]$/, ']');
      prefix = true;
    }
    claims.push({
      line: `${head ? `${head.trim()} ` : ''}${raw.trim()}`,
      kind: m[2] as '=>' | '≈',
      expectedText,
      prefix,
    });
    return [`await ${callee}(${claims.length - 1}, async () => (${head}${m[1]}), () => (${expectedText}));`];
  });
  return { statements: [...statements, ...pending], claims };
}

/** Half a unit in the last digit shown of a number literal: `0.3` → 0.05, `164` → 0.5. */
function printedPrecision(literal: string): number {
  const m = /^-?\d*(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(literal.trim());
  if (!m) return 0;
  return 0.5 * 10 ** (-(m[1]?.length ?? 0) + Number(m[2] ?? 0));
}

function approxEqual(actual: unknown, expected: unknown, expectedText: string): boolean {
  if (typeof expected === 'number') {
    return (
      typeof actual === 'number' &&
      Math.abs(actual - expected) <= Math.max(printedPrecision(expectedText), 1e-12 * Math.abs(expected))
    );
  }
  if (Array.isArray(expected)) {
    const parts = expectedText
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((s) => s.trim());
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => approxEqual(actual[i], e, parts[i] ?? String(e)))
    );
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/**
 * A checker for the claims of one example: evaluates the expected value and the actual one, and adds a line to
 * `failures` for each claim that does not hold (or does not run).
 */
export function claimChecker(
  claims: readonly Claim[],
  failures: string[],
): (i: number, actualFn: () => Promise<unknown>, expectedFn: () => unknown) => Promise<void> {
  return async (i, actualFn, expectedFn) => {
    const c = claims[i] as Claim;
    let actual: unknown;
    let expected: unknown;
    try {
      expected = expectedFn();
    } catch (e) {
      failures.push(`${c.line}\n    the expected value is not a JavaScript value (${(e as Error).message})`);
      return;
    }
    try {
      actual = await actualFn();
    } catch (e) {
      failures.push(`${c.line}\n    threw ${(e as Error).name}: ${(e as Error).message}`);
      return;
    }
    if (ArrayBuffer.isView(actual)) actual = Array.from(actual as unknown as ArrayLike<number>);
    if (c.prefix && Array.isArray(actual) && Array.isArray(expected)) actual = actual.slice(0, expected.length);
    const ok =
      c.kind === '≈'
        ? approxEqual(actual, expected, c.expectedText)
        : JSON.stringify(actual) === JSON.stringify(expected) && (typeof expected !== 'number' || actual === expected);
    if (!ok) failures.push(`${c.line}\n    gives ${JSON.stringify(actual)}`);
  };
}
