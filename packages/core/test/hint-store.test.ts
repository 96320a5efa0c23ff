import { expect } from '@open-wc/testing';
import { createHintStore } from '@status-banner/core/shared';

const KEY = 'status-banner:test-hint';

/** A storage whose every method throws `error`, as a full or blocked one does. */
const failing = (error: DOMException): Storage =>
  ({
    getItem: () => {
      throw error;
    },
    setItem: () => {
      throw error;
    },
    removeItem: () => {
      throw error;
    },
  }) as unknown as Storage;

describe('createHintStore', () => {
  afterEach(() => localStorage.removeItem(KEY));

  it('keeps one string in localStorage under its key, and forgets it for undefined or an empty string', () => {
    const hint = createHintStore(KEY);
    expect(hint.get()).to.equal(undefined);
    hint.set('48');
    expect(hint.get()).to.equal('48');
    expect(localStorage.getItem(KEY)).to.equal('48');
    hint.set(undefined);
    expect(localStorage.getItem(KEY)).to.equal(null);
    hint.set('12');
    hint.set('');
    expect(hint.get()).to.equal(undefined);
  });

  it('reads what another store of the same key wrote: the storage is read on every call, never cached', () => {
    createHintStore(KEY).set('2026-01-01');
    expect(createHintStore(KEY).get()).to.equal('2026-01-01');
    localStorage.setItem(KEY, 'changed by another tab');
    expect(createHintStore(KEY).get()).to.equal('changed by another tab');
  });

  it('never throws where the storage getter itself throws (a blocked third-party iframe): no hint', () => {
    const hint = createHintStore(KEY, () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(hint.get()).to.equal(undefined);
    expect(() => hint.set('48')).not.to.throw();
    expect(() => hint.set(undefined)).not.to.throw();
  });

  it('never throws where storage is full or refuses every call: no hint, and nothing written', () => {
    const full = createHintStore(KEY, () => failing(new DOMException('The quota has been exceeded.', 'QuotaExceededError')));
    expect(() => full.set('48')).not.to.throw();
    expect(full.get()).to.equal(undefined);
    expect(() => full.set('')).not.to.throw();
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('without any storage (a worker, server rendering): no hint, and writes are ignored', () => {
    const none = createHintStore(KEY, () => undefined);
    none.set('48');
    expect(none.get()).to.equal(undefined);
  });
});
