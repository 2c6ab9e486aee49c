import type { MathNode } from 'mathjs/number';
import { argumentError, assertOptions, optionNames, show } from '../internal/assert.js';
import {
  EXPRESSION_CONSTANTS,
  EXPRESSION_FUNCTIONS,
  EXPRESSION_OPERATORS,
  restrictedMath,
} from './internal/restrictedMath.js';

/** Options of {@link compileExpression}. */
export interface CompileExpressionOptions {
  /** Names the expression may use as variables, all given a value at each evaluation. Default `['t']`. */
  readonly variables?: readonly string[];
}

/** An expression checked and compiled once, to evaluate many times. */
export interface CompiledExpression {
  /** The expression as written. */
  readonly text: string;
  /** The variables it may use (each must be given to `evaluate`). */
  readonly variables: readonly string[];
  /**
   * The value for the given variables: a finite number, or a MetricsError (`invalid_argument` for a
   * missing or non-finite variable, `non_finite` when the result is NaN or ±Infinity, naming the variables).
   */
  evaluate(scope: Readonly<Record<string, number>>): number;
}

const FN = 'compileExpression';
const COMPILE_EXPRESSION_OPTIONS = optionNames<CompileExpressionOptions>({ variables: true });
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_LENGTH = 2000;
/** Deepest nesting accepted (brackets, unary signs, a^b^c…): mathjs parses and compiles recursively. */
const MAX_DEPTH = 100;

/**
 * Checks and compiles a user expression with a restricted mathjs instance (numbers only). Allowed:
 * numeric constants, the given variables (default `t`), `pi` and `e`, the operators `+ - * / ^`,
 * unary minus and plus, comparisons (`< > <= >= == !=`, true is 1), `cond ? a : b`, parentheses and the
 * functions abs, ceil, exp, expm1, floor, log (1 or 2 arguments), log10, log1p, max, min, pow, round,
 * sign and sqrt. Everything else (assignment, function definitions, units, strings, matrices, objects,
 * property access, ranges, several statements, percent signs, any other function such as `import`,
 * `evaluate` or `createUnit`) is refused before anything is compiled, with the column where it is.
 * @param text the expression, e.g. `0.25 - 0.01 * (t - 2021)`
 * @throws {MetricsError} invalid_argument when the text does not parse or uses anything not allowed
 * @example
 * compileExpression('0.25 - 0.01 * (t - 2021)').evaluate({ t: 2023 }); // => 0.23
 */
export function compileExpression(text: string, options: CompileExpressionOptions = {}): CompiledExpression {
  if (typeof text !== 'string' || text.trim() === '') {
    throw argumentError(
      'invalid_argument',
      `${FN}: the expression must be a non-empty string (got ${show(text)}). Write the growth rate as a formula of t, e.g. "0.25 - 0.01 * (t - 2021)".`,
      'text',
      'a non-empty string',
      text,
      { text },
    );
  }
  if (text.length > MAX_LENGTH) {
    throw argumentError(
      'invalid_argument',
      `${FN}: the expression is ${text.length} characters long (at most ${MAX_LENGTH}). Simplify it.`,
      'text',
      `at most ${MAX_LENGTH} characters`,
      text.length,
      { length: text.length },
    );
  }
  assertOptions(FN, options, "{ variables: ['t'] }", COMPILE_EXPRESSION_OPTIONS);
  const variables = checkVariables(options.variables ?? ['t']);
  const depth = nesting(text);
  if (depth > MAX_DEPTH) {
    throw argumentError(
      'invalid_argument',
      `${FN}: the expression nests ${depth} levels deep (brackets, signs and ^ or ?: chains; at most ${MAX_DEPTH}). Simplify it.`,
      'text',
      `at most ${MAX_DEPTH} levels of nesting`,
      depth,
      { depth },
    );
  }
  const math = restrictedMath();
  let tree: MathNode;
  try {
    tree = math.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw argumentError(
      'invalid_argument',
      `${FN}: cannot parse ${show(text)}: ${why}. Check brackets and operators.`,
      'text',
      'an expression (numbers, variables, operators, allowed functions)',
      text,
      { text },
    );
  }
  checkNode(tree, text, new Set(variables));
  let code: ReturnType<MathNode['compile']>;
  try {
    code = tree.compile();
  } catch (e) {
    // The tree passed the checks, so this is mathjs's own limit (a stack overflow on a deep tree).
    throw argumentError(
      'invalid_argument',
      `${FN}: cannot compile ${show(text)} (got ${e instanceof Error ? e.message : String(e)}). Simplify it.`,
      'text',
      'an expression that compiles',
      text,
      { text },
    );
  }
  const scope = new Map<string, unknown>(Object.entries(EXPRESSION_CONSTANTS));
  const evaluate = (values: Readonly<Record<string, number>>): number => {
    for (const name of variables) {
      const v = values?.[name];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw argumentError(
          'invalid_argument',
          `${FN}: ${show(text)} needs a finite number for ${name} (got ${show(v)}). Pass every variable in the scope.`,
          ['values', name],
          'a finite number',
          v,
          { variable: name, value: v },
        );
      }
      scope.set(name, v);
    }
    let result: unknown;
    try {
      result = code.evaluate(scope);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw argumentError(
        'invalid_argument',
        `${FN}: ${show(text)} failed at ${at(variables, values)}: ${why}.`,
        'values',
        'values at which the expression is defined',
        { ...values },
        {
          text,
          scope: { ...values },
        },
      );
    }
    if (typeof result === 'boolean') result = result ? 1 : 0;
    if (typeof result !== 'number') {
      throw argumentError(
        'invalid_argument',
        `${FN}: ${show(text)} gives ${show(result)} at ${at(variables, values)}, not a number.`,
        'values',
        'values at which the expression gives a number',
        { ...values },
        { text },
      );
    }
    if (!Number.isFinite(result)) {
      throw argumentError(
        'non_finite',
        `${FN}: ${show(text)} ${Number.isNaN(result) ? 'is not a number (a log or square root of a negative number, or 0 / 0)' : `gives ${result}`} at ${at(variables, values)}. Keep logs and square roots of positive numbers and avoid dividing by zero.`,
        'values',
        'values at which the expression is finite',
        { ...values },
        { text, scope: { ...values }, value: result },
      );
    }
    return result;
  };
  return Object.freeze({ text, variables: Object.freeze([...variables]), evaluate });
}

function at(variables: readonly string[], values: Readonly<Record<string, number>>): string {
  return variables.map((n) => `${n} = ${values[n]}`).join(', ');
}

function checkVariables(names: readonly string[]): string[] {
  if (!Array.isArray(names)) {
    throw argumentError(
      'invalid_argument',
      `${FN}: variables must be an array of names (got ${show(names)}).`,
      'variables',
      'an array of names',
      names,
    );
  }
  for (const n of names) {
    if (typeof n !== 'string' || !IDENTIFIER.test(n)) {
      throw argumentError(
        'invalid_argument',
        `${FN}: variable names must be identifiers like t or t0 (got ${show(n)}).`,
        ['variables', names.indexOf(n)],
        'an identifier like t or t0',
        n,
        { variable: n },
      );
    }
    if (n in Object.prototype) {
      throw argumentError(
        'invalid_argument',
        `${FN}: ${show(n)} is reserved (a property of every JavaScript object) and cannot be a variable. Pick another name.`,
        ['variables', names.indexOf(n)],
        'a name that is not a property of every object',
        n,
        { variable: n },
      );
    }
    if (Object.hasOwn(EXPRESSION_FUNCTIONS, n) || Object.hasOwn(EXPRESSION_CONSTANTS, n)) {
      throw argumentError(
        'invalid_argument',
        `${FN}: ${show(n)} is a function or constant name and cannot be a variable. Pick another name.`,
        ['variables', names.indexOf(n)],
        'a name that is not a function or constant',
        n,
        { variable: n },
      );
    }
  }
  return [...new Set(names)];
}

/** ` at column N` where `needle` first occurs in the text (1-based), or '' when it cannot be found. */
function column(text: string, needle: RegExp): string {
  const m = needle.exec(text);
  return m ? ` at column ${m.index + 1}` : '';
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function word(name: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9_.])${escapeRe(name)}(?![A-Za-z0-9_])`);
}

function refuse(text: string, what: string, where: string, hint: string, details: Record<string, unknown> = {}): never {
  throw argumentError(
    'invalid_argument',
    `${FN}: ${what} is not allowed in ${show(text)}${where}. ${hint}`,
    'text',
    `an expression without ${what}`,
    text,
    {
      text,
      ...details,
    },
  );
}

function checkNode(node: MathNode, text: string, variables: ReadonlySet<string>): void {
  const allowedNames = () => [...variables, ...Object.keys(EXPRESSION_CONSTANTS)].join(', ');
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': {
      const v = n['value'];
      if (typeof v === 'string')
        refuse(text, `text (${show(v)})`, column(text, /["']/), 'Expressions compute numbers only.');
      if (typeof v !== 'number')
        refuse(
          text,
          `the constant ${show(v)}`,
          column(text, word(String(v))),
          'Use numbers; comparisons already give 1 or 0.',
        );
      if (!Number.isFinite(v))
        refuse(text, `the constant ${String(v)}`, column(text, /Infinity|NaN|\d[eE]\d/), 'Use finite numbers.');
      return;
    }
    case 'SymbolNode': {
      const name = String(n['name']);
      // Object.hasOwn, never `in`: "constructor" and "__proto__" are `in` every object.
      if (variables.has(name) || Object.hasOwn(EXPRESSION_CONSTANTS, name)) return;
      const hint = Object.hasOwn(EXPRESSION_FUNCTIONS, name)
        ? `${name} is a function; call it with arguments, e.g. ${name}(t).`
        : `Only ${allowedNames()} are known; units and other names are not supported.`;
      refuse(text, `the unknown symbol ${show(name)}`, column(text, word(name)), hint, { symbol: name });
      break;
    }
    case 'ParenthesisNode':
      checkNode(n['content'] as MathNode, text, variables);
      return;
    case 'OperatorNode': {
      const fn = String(n['fn']);
      const op = String(n['op']);
      if (n['isPercentage'] === true) {
        refuse(text, 'a percent sign', column(text, /%/), 'Rates are fractions: write 0.05, not 5%.');
      }
      if (!EXPRESSION_OPERATORS.has(fn)) {
        refuse(
          text,
          `the operator ${show(op)}`,
          column(text, new RegExp(escapeRe(op))),
          'Use + - * / ^, comparisons and cond ? a : b.',
          { operator: op },
        );
      }
      for (const a of n['args'] as MathNode[]) checkNode(a, text, variables);
      return;
    }
    case 'ConditionalNode':
      checkNode(n['condition'] as MathNode, text, variables);
      checkNode(n['trueExpr'] as MathNode, text, variables);
      checkNode(n['falseExpr'] as MathNode, text, variables);
      return;
    case 'FunctionNode': {
      const fnNode = n['fn'] as MathNode & Record<string, unknown>;
      const args = n['args'] as MathNode[];
      if (fnNode.type !== 'SymbolNode') {
        refuse(
          text,
          'calling the result of an expression',
          column(text, /\)\s*\(/),
          'Call one of the allowed functions by name.',
        );
      }
      const name = String(fnNode['name']);
      const arity = Object.hasOwn(EXPRESSION_FUNCTIONS, name) ? EXPRESSION_FUNCTIONS[name] : undefined;
      if (arity === undefined) {
        refuse(
          text,
          `the function ${show(name)}`,
          column(text, word(name)),
          `Allowed functions: ${Object.keys(EXPRESSION_FUNCTIONS).join(', ')}.`,
          { function: name },
        );
      }
      if (args.length < arity.min || args.length > arity.max) {
        const want =
          arity.min === arity.max
            ? `${arity.min}`
            : arity.max === Infinity
              ? `at least ${arity.min}`
              : `${arity.min} to ${arity.max}`;
        throw argumentError(
          'invalid_argument',
          `${FN}: ${name} takes ${want} argument(s) (got ${args.length}) in ${show(text)}${column(text, word(name))}.`,
          'text',
          `${name} with ${want} argument(s)`,
          args.length,
          { function: name, arguments: args.length },
        );
      }
      for (const a of args) checkNode(a, text, variables);
      return;
    }
    case 'AssignmentNode':
      refuse(
        text,
        'assignment (=)',
        column(text, /(?<![=<>!])=(?!=)/),
        'Write the rate as a formula of t only; use == to compare.',
      );
      break;
    case 'FunctionAssignmentNode':
      refuse(
        text,
        'a function definition',
        column(text, /(?<![=<>!])=(?!=)/),
        'Write the rate as a formula of t only.',
      );
      break;
    case 'AccessorNode':
      refuse(text, 'property access or indexing', column(text, /[A-Za-z_)\]][.[]/), 'Use plain numbers and variables.');
      break;
    case 'ArrayNode':
      refuse(text, 'a matrix or list ([...])', column(text, /\[/), 'Expressions compute one number.');
      break;
    case 'ObjectNode':
      refuse(text, 'an object ({...})', column(text, /\{/), 'Expressions compute one number.');
      break;
    case 'RangeNode':
      refuse(text, 'a range (a:b)', column(text, /:/), 'Use cond ? a : b for a choice.');
      break;
    case 'BlockNode':
      refuse(text, 'more than one statement', column(text, /[;\n]/), 'Write a single expression.');
      break;
    case 'RelationalNode':
      refuse(text, 'a chained comparison', '', 'Compare two values at a time, e.g. (a < b) * (b < c).');
      break;
    default:
      refuse(text, `a ${node.type}`, '', 'Use numbers, t, operators and the allowed functions.');
  }
}

/**
 * How deep the expression nests, counted on the text before mathjs sees it: open brackets, and runs of
 * prefix signs and of `^` (right-associative), each of which mathjs parses and compiles one level deeper.
 */
function nesting(text: string): number {
  let max = 0;
  let open = 0;
  let run = 0;
  let powers = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') open++;
    else if (ch === ')' || ch === ']' || ch === '}') open--;
    if (ch === '-' || ch === '+') run++;
    else if (ch !== ' ') run = 0;
    if (ch === '^') powers++;
    if (ch === '?') powers++; // a ? b : c nests its branches to the right, as ^ does
    max = Math.max(max, open + run, powers);
  }
  return max;
}
