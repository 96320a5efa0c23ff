// Reading what the page, a server or storage hands us as own properties only. A host page with a prototype
// pollution bug (`Object.prototype.stream = 'https://evil.example'`, from a merge of untrusted JSON) must not be
// able to steer the banner: an option, a payload field or a stored value that is absent stays absent.

/** `record[key]` when it is the record's own property, else undefined (never a value inherited from a prototype). */
export function own(record: unknown, key: string): unknown {
  return record !== null && typeof record === 'object' && Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

/** A shallow copy of `record`'s own enumerable properties on no prototype, so reading an absent key gives undefined. */
export function ownCopy<T extends object>(record: T): T {
  return Object.assign(Object.create(null) as T, record);
}

/**
 * Whether `Object.prototype` carries enumerable properties: the mark of a prototype pollution bug in the page
 * (a merge of untrusted JSON assigns them). Only then is data copied onto no prototype: the common case costs a
 * loop over nothing.
 */
function polluted(): boolean {
  // eslint-disable-next-line no-unreachable-loop
  for (const _ in {}) return true;
  return false;
}

/** A deep copy of JSON-like data whose objects have no prototype: an absent field reads undefined. */
function bare(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(bare);
  if (value === null || typeof value !== 'object') return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) out[key] = bare((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * A payload as a source may read it: `value` itself, or, on a page whose `Object.prototype` is polluted, a copy
 * on no prototype, so a field the server did not send is not read from the pollution.
 */
export const unpolluted = <T>(value: T): T => (polluted() ? (bare(value) as T) : value);
