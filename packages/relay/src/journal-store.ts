// The embedded store: one node, no other process. Every write is a line appended to a journal file and fsync'd
// before it is acknowledged, so a restart, even after kill -9, loses nothing that was acknowledged. Writes that
// arrive together share one fsync. The file is compacted into one checkpoint line once it grows.

import { mkdir, open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { systemClock, type Clock } from './clock.js';
import { RelayError } from './errors.js';
import { applyPatch, emptyState, isEmptyPatch, type Patch, type RelayState } from './model.js';
import { listeners, type CommitOutcome, type Idempotency, type Lease, type Planner, type RelayStore } from './store.js';

/** Options for {@link createJournalStore}. */
export interface JournalStoreOptions {
  /** The folder that holds `journal.ndjson` and its lock; made if missing. */
  dir: string;
  /** Default the system clock. */
  clock?: Clock;
  /** Compacts the journal once it is larger than this many bytes. Default 4 MiB. */
  compactBytes?: number;
  /** How long an idempotency key is remembered, in ms. Default 24 h. */
  idempotencyMs?: number;
}

interface IdempotencyRecord {
  fingerprint: string;
  result: unknown;
  at: number;
}

/** One line of the journal: a change, or a checkpoint of the whole state. */
type Line =
  | { v: number; at: number; patch: Patch; idem?: [string, IdempotencyRecord] }
  | { v: number; at: number; checkpoint: RelayState; idem: [string, IdempotencyRecord][] };

interface Pending {
  plan: Planner<unknown>;
  idempotency?: Idempotency;
  resolve(outcome: CommitOutcome<unknown>): void;
  reject(error: unknown): void;
}

const FILE = 'journal.ndjson';
const LOCK = 'journal.lock';

/**
 * A store in an append-only journal file, for a relay running as one node.
 *
 * @example
 * const store = createJournalStore({ dir: '/var/lib/status-banner-relay' });
 * const relay = await createRelay({ store, tokens });
 */
export function createJournalStore({
  dir,
  clock = systemClock,
  compactBytes = 4 * 1024 * 1024,
  idempotencyMs = 24 * 3600_000,
}: JournalStoreOptions): RelayStore {
  const file = path.join(dir, FILE);
  let state = emptyState();
  let handle: FileHandle | undefined;
  let size = 0;
  let failure: Error | undefined;
  let closed = false;
  const idempotent = new Map<string, IdempotencyRecord>();
  const changes = listeners<[RelayState]>();
  const pokes = listeners<[]>();
  let queue: Pending[] = [];
  let flushing: Promise<void> | undefined;

  const lease: Lease = { held: () => !closed, onChange: () => () => {} };

  async function lock(): Promise<void> {
    const lockFile = path.join(dir, LOCK);
    try {
      const owner = Number(await readFile(lockFile, 'utf8'));
      if (owner && owner !== process.pid && alive(owner)) {
        throw new RelayError('invalid-options', `${dir} is in use by another relay (process ${owner}); give each node its own --data folder, or use --redis`);
      }
    } catch (error) {
      if (error instanceof RelayError) throw error;
    }
    const lockHandle = await open(lockFile, 'w');
    await lockHandle.writeFile(String(process.pid));
    await lockHandle.close();
  }

  /** Replays the journal's text into memory; returns the length in bytes of its whole records. */
  function replay(text: string): number {
    const lines = text.split('\n');
    // The last piece has no line break after it: a write cut short, never acknowledged.
    const whole = lines.slice(0, -1);
    let offset = 0;
    for (let i = 0; i < whole.length; i += 1) {
      const raw = whole[i]!;
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
        if (typeof line?.v !== 'number') throw new Error('not a journal record');
      } catch (cause) {
        // The last record damaged by a crash in mid-write is dropped; damage before it is not guessed about.
        if (i === whole.length - 1) return offset;
        throw new RelayError('corrupt-journal', `${file}: line ${i + 1} is damaged; restore a backup or move the file away`, undefined, undefined, { cause });
      }
      if ('checkpoint' in line) {
        state = line.checkpoint;
        idempotent.clear();
        for (const [key, record] of line.idem) idempotent.set(key, record);
      } else {
        state = applyPatch(state, line.patch, line.v);
        if (line.idem) idempotent.set(line.idem[0], line.idem[1]);
      }
      offset += Buffer.byteLength(raw) + 1;
    }
    return offset;
  }

  async function checkpoint(): Promise<void> {
    const now = clock.now();
    const idem = [...idempotent].filter(([, record]) => now - record.at < idempotencyMs);
    const line: Line = { v: state.version, at: now, checkpoint: state, idem };
    const temp = `${file}.tmp`;
    const out = await open(temp, 'w');
    await out.writeFile(`${JSON.stringify(line)}\n`);
    await out.sync();
    await out.close();
    await handle?.close();
    await rename(temp, file);
    await syncDir();
    handle = await open(file, 'a');
    size = (await stat(file)).size;
    idempotent.clear();
    for (const [key, record] of idem) idempotent.set(key, record);
  }

  async function syncDir(): Promise<void> {
    // The rename (or the file's creation) is durable only once the folder's entry is.
    const folder = await open(dir, 'r');
    await folder.sync().catch(() => {});
    await folder.close();
  }

  async function flush(): Promise<void> {
    while (queue.length) {
      const batch = queue;
      queue = [];
      const lines: string[] = [];
      const done: (() => void)[] = [];
      let next = state;
      const now = clock.now();
      const seen = new Map<string, IdempotencyRecord>();
      for (const pending of batch) {
        try {
          if (failure) throw new RelayError('unavailable', `The journal cannot be written: ${failure.message}`);
          const key = pending.idempotency?.key;
          const previous = key ? (seen.get(key) ?? idempotent.get(key)) : undefined;
          if (previous && now - previous.at < idempotencyMs) {
            if (previous.fingerprint !== pending.idempotency!.fingerprint) {
              throw new RelayError('conflict', 'This Idempotency-Key was used for another request', 'Idempotency-Key');
            }
            const after = next;
            done.push(() => pending.resolve({ state: after, result: previous.result, replayed: true, changed: false }));
            continue;
          }
          // The first version follows the clock (ms), so a relay that starts over never goes behind a version a
          // banner still shows; every later one is one more.
          const version = next.version === 0 ? Math.max(1, now) : next.version + 1;
          const { patch, result } = pending.plan(next, version);
          if (isEmptyPatch(patch)) {
            const after = next;
            done.push(() => pending.resolve({ state: after, result, replayed: false, changed: false }));
            continue;
          }
          next = applyPatch(next, patch, version);
          const line: Line = { v: version, at: now, patch };
          if (key) {
            const record = { fingerprint: pending.idempotency!.fingerprint, result, at: now };
            seen.set(key, record);
            line.idem = [key, record];
          }
          lines.push(JSON.stringify(line));
          const after = next;
          done.push(() => pending.resolve({ state: after, result, replayed: false, changed: true }));
        } catch (error) {
          done.push(() => pending.reject(error));
        }
      }
      if (lines.length) {
        try {
          const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
          await handle!.write(bytes);
          await handle!.sync();
          size += bytes.length;
        } catch (cause) {
          // Nothing of this batch is acknowledged, and the file may now end in a partial line: stop writing
          // (a restart replays what is whole and drops the rest).
          failure = cause as Error;
          const error = new RelayError('unavailable', `The journal cannot be written: ${failure.message}`, undefined, undefined, { cause });
          for (const pending of batch) pending.reject(error);
          continue;
        }
      }
      const changed = next !== state;
      state = next;
      for (const [key, record] of seen) idempotent.set(key, record);
      for (const resolve of done) resolve();
      if (changed) changes.emit(state);
      if (size > compactBytes) await checkpoint().catch((error: Error) => (failure = error));
    }
  }

  /** Starts a flush unless one runs; one that ends with writes queued after its last look starts the next. */
  function kick(): void {
    if (flushing) return;
    flushing = (async () => {
      try {
        await flush();
      } finally {
        flushing = undefined;
        if (queue.length) kick();
      }
    })();
  }

  return {
    kind: 'journal',
    async open() {
      await mkdir(dir, { recursive: true });
      await lock();
      let text = '';
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      const whole = replay(text);
      handle = await open(file, 'a');
      if (whole < Buffer.byteLength(text)) await handle.truncate(whole);
      size = whole;
      await syncDir();
      return state;
    },
    state: () => state,
    commit<R>(plan: Planner<R>, options: { idempotency?: Idempotency } = {}) {
      if (closed || !handle) return Promise.reject(new RelayError('unavailable', 'The store is closed'));
      return new Promise<CommitOutcome<R>>((resolve, reject) => {
        queue.push({ plan, idempotency: options.idempotency, resolve: resolve as Pending['resolve'], reject });
        kick();
      });
    },
    onChange: changes.add,
    lease,
    async poke() {
      pokes.emit();
    },
    onPoke: pokes.add,
    health: () => (failure ? { ok: false, detail: `journal write failed: ${failure.message}` } : { ok: !closed && !!handle, detail: closed ? 'closed' : `journal ${file}` }),
    async close() {
      closed = true;
      await flushing;
      await handle?.close();
      handle = undefined;
      await rm(path.join(dir, LOCK), { force: true });
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
