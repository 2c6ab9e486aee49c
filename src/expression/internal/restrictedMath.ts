// Not exported from the package: the one restricted mathjs instance behind compileExpression.
import type { FactoryFunctionMap, MathJsInstance } from 'mathjs/number';
import { requireDependency } from '../../internal/dependencies.js';

/** Functions an expression may call, with the number of arguments each accepts. */
export const EXPRESSION_FUNCTIONS: Readonly<Record<string, { readonly min: number; readonly max: number }>> =
  Object.freeze({
    abs: { min: 1, max: 1 },
    ceil: { min: 1, max: 1 },
    exp: { min: 1, max: 1 },
    expm1: { min: 1, max: 1 },
    floor: { min: 1, max: 1 },
    log: { min: 1, max: 2 },
    log10: { min: 1, max: 1 },
    log1p: { min: 1, max: 1 },
    max: { min: 1, max: Infinity },
    min: { min: 1, max: Infinity },
    pow: { min: 2, max: 2 },
    round: { min: 1, max: 1 },
    sign: { min: 1, max: 1 },
    sqrt: { min: 1, max: 1 },
  });

/** Named constants an expression may use; they are passed in the scope, never looked up in mathjs. */
export const EXPRESSION_CONSTANTS: Readonly<Record<string, number>> = Object.freeze({ pi: Math.PI, e: Math.E });

/** Operators (mathjs `fn` names) an expression may use. */
export const EXPRESSION_OPERATORS: ReadonlySet<string> = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'unaryMinus',
  'unaryPlus',
  'smaller',
  'larger',
  'smallerEq',
  'largerEq',
  'equal',
  'unequal',
]);

let instance: MathJsInstance | undefined;

/**
 * The restricted mathjs instance (numbers only; no units, matrices, strings, import or evaluate),
 * created on first use (mathjs is loaded then, not when the package is imported). Trees are checked before they
 * are compiled with it.
 */
export function restrictedMath(): MathJsInstance {
  if (instance) return instance;
  // mathjs/number (its CommonJS build) is loaded here, on the first expression: it costs about 0.3 s.
  const {
    absDependencies,
    addDependencies,
    ceilDependencies,
    create,
    divideDependencies,
    equalDependencies,
    expDependencies,
    expm1Dependencies,
    floorDependencies,
    largerDependencies,
    largerEqDependencies,
    log10Dependencies,
    log1pDependencies,
    logDependencies,
    maxDependencies,
    minDependencies,
    multiplyDependencies,
    parseDependencies,
    powDependencies,
    roundDependencies,
    signDependencies,
    smallerDependencies,
    smallerEqDependencies,
    sqrtDependencies,
    subtractDependencies,
    unaryMinusDependencies,
    unaryPlusDependencies,
    unequalDependencies,
  } = requireDependency<typeof import('mathjs/number')>('compileExpression', 'mathjs/number');
  // mathjs types every *Dependencies export as possibly undefined; they are all defined in mathjs/number.
  const dependencies = {
    parseDependencies,
    addDependencies,
    subtractDependencies,
    multiplyDependencies,
    divideDependencies,
    powDependencies,
    unaryMinusDependencies,
    unaryPlusDependencies,
    absDependencies,
    ceilDependencies,
    expDependencies,
    expm1Dependencies,
    floorDependencies,
    logDependencies,
    log10Dependencies,
    log1pDependencies,
    maxDependencies,
    minDependencies,
    roundDependencies,
    signDependencies,
    sqrtDependencies,
    smallerDependencies,
    largerDependencies,
    smallerEqDependencies,
    largerEqDependencies,
    equalDependencies,
    unequalDependencies,
  } as unknown as FactoryFunctionMap;
  instance = create(dependencies);
  return instance;
}
