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
