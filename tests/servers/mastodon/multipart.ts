import { FormParseError, isForm, mediaType, readForm, type FormEntry } from '../shared/form';

/** A parameter as Rails sees one: text, an array of texts, a file, or a JSON scalar. */
export type ParamValue = string | boolean | number | null | File | ParamValue[] | ParamObject;

/** A nested JSON object parameter. */
export interface ParamObject {
  [key: string]: ParamValue;
}

/** Thrown when a body cannot be parsed at all. */
export class BodyParseError extends Error {}

/** Request parameters with Rails' strong-parameters reading rules. */
export class Params {
  constructor(private readonly values: Map<string, ParamValue>) {}

  /** Whether the parameter was sent at all. */
  has(name: string): boolean {
    return this.values.has(name);
  }

  /** A scalar as text (`permit` accepts strings, numbers and booleans); arrays and files are dropped. */
  string(name: string): string | undefined {
    const value = this.values.get(name);
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  }

  /** Rails' `presence`: the text unless it is blank. */
  present(name: string): string | undefined {
    const value = this.string(name);
    return value !== undefined && !isBlank(value) ? value : undefined;
  }

  /** An array of scalars (`permit(name: [])`); a lone scalar is not an array and is dropped. */
  list(name: string): string[] | undefined {
    const value = this.values.get(name);
    if (!Array.isArray(value)) return undefined;
    return value.flatMap((item) =>
      typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean'
        ? [String(item)]
        : [],
    );
  }

  /** ActiveModel::Type::Boolean: blank is nil, a short list of words is false, the rest true. */
  boolean(name: string): boolean | undefined {
    const value = this.values.get(name);
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return value !== 0;
    if (typeof value !== 'string' || value === '') return undefined;
    return !['0', 'f', 'F', 'false', 'FALSE', 'off', 'OFF'].includes(value);
  }

  /** An uploaded file with at least one byte (Rails drops empty uploads). */
  file(name: string): File | undefined {
    const value = this.values.get(name);
    return value instanceof File && value.size > 0 ? value : undefined;
  }

  /** Every parameter, for logging and debugging. */
  entries(): [string, ParamValue][] {
    return [...this.values.entries()];
  }
}

/**
 * `String#blank?` as Mastodon has it: the fast_blank gem replaces ActiveSupport's, and counts
 * only ASCII white space and NUL as blank (a text of U+3000 or no-break spaces is not blank).
 */
export function isBlank(text: string): boolean {
  return /^[\0\t\n\v\f\r ]*$/.test(text);
}

/** Adds a form field the way Rack does: `name[]` collects an array, otherwise the last value wins. */
function addField(values: Map<string, ParamValue>, name: string, value: string | File): void {
  if (name.endsWith('[]')) {
    const base = name.slice(0, -2);
    const known = values.get(base);
    if (Array.isArray(known)) known.push(value);
    else values.set(base, [value]);
    return;
  }
  values.set(name, value);
}

function fromJson(values: Map<string, ParamValue>, text: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BodyParseError('Error occurred while parsing request parameters');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    values.set(key.endsWith('[]') ? key.slice(0, -2) : key, toParam(value));
  }
}

function toParam(value: unknown): ParamValue {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toParam);
  if (typeof value === 'object') {
    const object: ParamObject = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      object[key] = toParam(item);
    }
    return object;
  }
  return null;
}

/**
 * Reads query and body parameters: JSON as Rails' JSON params parser does, forms through the
 * shared form reader (busboy for multipart), with Rack's rules for `name[]` and repeated names.
 */
export async function parseParams(
  url: URL,
  contentType: string | undefined,
  body: Buffer,
): Promise<Params> {
  const values = new Map<string, ParamValue>();
  const type = mediaType(contentType);
  if (body.length > 0) {
    if (type === 'application/json' || type.endsWith('+json')) {
      fromJson(values, body.toString('utf8'));
    } else if (isForm(contentType)) {
      let entries: FormEntry[];
      try {
        entries = await readForm(contentType ?? '', body);
      } catch (error) {
        if (!(error instanceof FormParseError)) throw error;
        throw new BodyParseError('Error occurred while parsing request parameters');
      }
      for (const [name, value] of entries) addField(values, name, value);
    }
  }
  // Rails merges request parameters with the query's, and the query wins.
  const query = new Map<string, ParamValue>();
  for (const [name, value] of url.searchParams) addField(query, name, value);
  for (const [name, value] of query) values.set(name, value);
  return new Params(values);
}
