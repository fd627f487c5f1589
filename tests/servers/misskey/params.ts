import { invalidParam } from './errors';
import { isMisskeyId } from './ids';

// Misskey validates params with ajv against each endpoint's paramDef and reports only the first
// error: `info: { param: <schema path>, reason: <ajv message> }`. These checks run in the order
// ajv walks the schema and use ajv 8's messages; ajv's maxLength counts code points (ucs2length).

/** Params as they arrive (JSON body or multipart fields cast by ApiCallService). */
export type Params = Record<string, unknown>;

/** ajv's ucs2length: a surrogate pair counts once. */
export function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

const path = (name: string, keyword: string, at = '#/properties'): string =>
  `${at}/${name}/${keyword}`;

function typeError(name: string, type: string, nullable: boolean, at?: string): never {
  throw invalidParam(path(name, 'type', at), `must be ${nullable ? `${type},null` : type}`);
}

/** A string property: type, minLength, maxLength, pattern. */
export function checkString(
  ps: Params,
  name: string,
  rule: {
    nullable?: boolean;
    minLength?: number;
    maxLength?: number;
    pattern?: string;
    /** The schema path of the properties object, for sub-schemas such as `then`. */
    at?: string;
  } = {},
): void {
  const value = ps[name];
  const { at } = rule;
  if (value === undefined) return;
  if (value === null) {
    if (!rule.nullable) typeError(name, 'string', false, at);
    return;
  }
  if (typeof value !== 'string') typeError(name, 'string', rule.nullable ?? false, at);
  const length = codePoints(value);
  if (rule.maxLength !== undefined && length > rule.maxLength) {
    throw invalidParam(
      path(name, 'maxLength', at),
      `must NOT have more than ${rule.maxLength} characters`,
    );
  }
  if (rule.minLength !== undefined && length < rule.minLength) {
    throw invalidParam(
      path(name, 'minLength', at),
      `must NOT have fewer than ${rule.minLength} characters`,
    );
  }
  if (rule.pattern !== undefined && !new RegExp(rule.pattern, 'u').test(value)) {
    throw invalidParam(path(name, 'pattern', at), `must match pattern "${rule.pattern}"`);
  }
}

/** A `misskey:id` string property. */
export function checkId(ps: Params, name: string, nullable = false): void {
  const value = ps[name];
  if (value === undefined || (value === null && nullable)) return;
  if (typeof value !== 'string') typeError(name, 'string', nullable);
  if (!isMisskeyId(value)) {
    throw invalidParam(path(name, 'format'), 'must match format "misskey:id"');
  }
}

/** An enum property, with its default filled in as ajv's useDefaults does. */
export function checkEnum(ps: Params, name: string, values: readonly string[], fallback?: string) {
  if (ps[name] === undefined && fallback !== undefined) ps[name] = fallback;
  const value = ps[name];
  if (value === undefined) return;
  if (typeof value !== 'string') typeError(name, 'string', false);
  if (!values.includes(value)) {
    throw invalidParam(path(name, 'enum'), 'must be equal to one of the allowed values');
  }
}

/** A boolean property with its default. */
export function checkBoolean(ps: Params, name: string, fallback?: boolean): void {
  if (ps[name] === undefined && fallback !== undefined) ps[name] = fallback;
  const value = ps[name];
  if (value !== undefined && typeof value !== 'boolean') typeError(name, 'boolean', false);
}

/** An integer property with its bounds and default. */
export function checkInteger(
  ps: Params,
  name: string,
  rule: { minimum?: number; maximum?: number; fallback?: number } = {},
): void {
  if (ps[name] === undefined && rule.fallback !== undefined) ps[name] = rule.fallback;
  const value = ps[name];
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) typeError(name, 'integer', false);
  if (rule.maximum !== undefined && value > rule.maximum) {
    throw invalidParam(path(name, 'maximum'), `must be <= ${rule.maximum}`);
  }
  if (rule.minimum !== undefined && value < rule.minimum) {
    throw invalidParam(path(name, 'minimum'), `must be >= ${rule.minimum}`);
  }
}

/** A unique array of `misskey:id` strings. */
export function checkIdArray(
  ps: Params,
  name: string,
  rule: { minItems?: number; maxItems?: number } = {},
): void {
  const value = ps[name];
  if (value === undefined) return;
  if (!Array.isArray(value)) typeError(name, 'array', false);
  if (rule.maxItems !== undefined && value.length > rule.maxItems) {
    throw invalidParam(path(name, 'maxItems'), `must NOT have more than ${rule.maxItems} items`);
  }
  if (rule.minItems !== undefined && value.length < rule.minItems) {
    throw invalidParam(path(name, 'minItems'), `must NOT have fewer than ${rule.minItems} items`);
  }
  for (let i = value.length - 1; i >= 0; i--) {
    const j = value.indexOf(value[i]);
    if (j !== i) {
      throw invalidParam(
        path(name, 'uniqueItems'),
        `must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      );
    }
  }
  for (const item of value) {
    if (typeof item !== 'string')
      throw invalidParam(`${path(name, 'items')}/type`, 'must be string');
    if (!isMisskeyId(item)) {
      throw invalidParam(`${path(name, 'items')}/format`, 'must match format "misskey:id"');
    }
  }
}

/** A required property, checked after the properties as ajv does. */
export function checkRequired(ps: Params, name: string, schemaPath = '#/required'): void {
  if (ps[name] === undefined) {
    throw invalidParam(schemaPath, `must have required property '${name}'`);
  }
}

/** A unique array of strings (gen-token's `permission`). */
export function checkStringArray(ps: Params, name: string): void {
  const value = ps[name];
  if (value === undefined) return;
  if (!Array.isArray(value)) typeError(name, 'array', false);
  for (const item of value) {
    if (typeof item !== 'string')
      throw invalidParam(`${path(name, 'items')}/type`, 'must be string');
  }
  if (new Set(value).size !== value.length) {
    throw invalidParam(path(name, 'uniqueItems'), 'must NOT have duplicate items');
  }
}
