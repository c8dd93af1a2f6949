import type { GraphQLFormattedError } from 'graphql';

/** No client-facing message grows with the input: anything longer is cut here. */
export const MAX_ERROR_MESSAGE_LENGTH = 500;

interface ValidationErrorLike {
  property?: unknown;
  value?: unknown;
  constraints?: Record<string, unknown>;
  children?: ValidationErrorLike[];
}

/** One failed rule on one input field: what was wrong, never with what. */
export interface InputRuleViolation {
  field: string;
  rules: string[];
  messages: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const safeName = (name: unknown): string => (typeof name === 'string' && NAME.test(name) ? name : /^\d{1,6}$/.test(String(name)) ? String(name) : '?');

/** class-validator's tree (target, value, children) flattened to field paths, rules and rule messages. */
export function ruleViolations(errors: readonly (ValidationErrorLike | InputRuleViolation)[], prefix = ''): InputRuleViolation[] {
  return errors.flatMap((error) => {
    // Already reduced by the subgraph (the gateway formats it again): keep its names, re-checked.
    if ('field' in error && Array.isArray(error.rules)) return [{ field: error.field.split('.').map(safeName).join('.'), rules: error.rules.map(safeName), messages: error.messages.filter((m) => typeof m === 'string' && m.length <= 200) }];
    if (!('property' in error) && !('constraints' in error) && !('children' in error)) return [];
    const field = `${prefix}${safeName(error.property)}`;
    const own: InputRuleViolation[] = [];
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length > 0) {
      const value = typeof error.value === 'string' ? error.value : error.value === undefined || error.value === null ? '' : JSON.stringify(error.value);
      own.push({
        field,
        rules: constraints.map(([rule]) => safeName(rule)),
        // A rule message that quotes the value (a custom "$value" message) is replaced by the rule's name.
        messages: constraints.map(([rule, message]) => (typeof message === 'string' && message.length <= 200 && !(value.length > 0 && message.includes(value)) ? message : `${field} fails ${safeName(rule)}`)),
      });
    }
    return [...own, ...ruleViolations(error.children ?? [], `${field}.`)];
  });
}

const PATH = String.raw`(?:[A-Za-z_]\w{0,63}|\[\d{1,6}\])(?:\.[A-Za-z_]\w{0,63}|\[\d{1,6}\]){0,20}`;
const VARIABLE = /^Variable "\$([A-Za-z_]\w{0,63})" got invalid value /;
const AT_PATH = new RegExp(` at "(${PATH})"; `, 'g');
const TYPE = String.raw`[A-Za-z_][\w!\[\]]{0,80}`;

/** What the declared type expected, in words that quote schema names only. */
function expectation(message: string): string {
  const missing = new RegExp(`Field "([A-Za-z_]\\w{0,63})" of required type "(${TYPE})" was not provided`).exec(message);
  if (missing) return `field "${missing[1]}" of required type "${missing[2]}" was not provided`;
  const unknown = new RegExp(`Field "([A-Za-z_]\\w{0,63})" is not defined by type "(${TYPE})"`).exec(message);
  if (unknown) return `field "${unknown[1]}" is not defined by type "${unknown[2]}"`;
  const nonNull = new RegExp(`Expected non-nullable type "(${TYPE})" not to be null`).exec(message);
  if (nonNull) return `expected non-nullable type "${nonNull[1]}"`;
  const notInEnum = /does not exist in "([A-Za-z_]\w{0,63})" enum/.exec(message);
  if (notInEnum) return `not a value of enum "${notInEnum[1]}"`;
  const expected = new RegExp(`Expected type "(${TYPE})"`).exec(message);
  if (expected) return `expected type "${expected[1]}"`;
  return 'it does not match the declared type';
}

/**
 * GraphQL's coercion messages quote the value they refused ("Variable "$input" got invalid value
 * {...}", "Expected value of type X, found "..."): rebuilt here from the variable, the field path
 * and the expected type only.
 */
export function coercionMessageWithoutValue(message: string): string | undefined {
  const variable = VARIABLE.exec(message);
  if (variable) {
    const paths = [...message.matchAll(AT_PATH)];
    const at = paths.length > 0 ? ` at "${paths[paths.length - 1][1]}"` : '';
    return `Variable "$${variable[1]}" got an invalid value${at}: ${expectation(message)}`;
  }
  const literal = new RegExp(`^Expected value of type "(${TYPE})", found `).exec(message);
  if (literal) return `Expected value of type "${literal[1]}"; the literal given does not match it`;
  const scalar = /^(String|Int|Float|Boolean|ID) cannot represent /.exec(message);
  if (scalar) return `The value given is not a valid ${scalar[1]}`;
  return undefined;
}

/** The formatted error with every trace of the input value removed (validation detail, coercion quotes, length). */
export function withoutInputValues(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { validationErrors, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  let message = coercionMessageWithoutValue(formatted.message) ?? formatted.message;
  if (Array.isArray(validationErrors)) {
    const violations = ruleViolations(validationErrors as (ValidationErrorLike | InputRuleViolation)[]);
    extensions.validationErrors = violations;
    message = `Invalid input: ${violations.map((v) => `${v.field} (${v.rules.join(', ')})`).join('; ')}`;
  }
  if (message.length > MAX_ERROR_MESSAGE_LENGTH) message = `${message.slice(0, MAX_ERROR_MESSAGE_LENGTH - 1)}…`;
  return { ...formatted, message, extensions };
}
