// The Redis store's two connections (one for commands, one blocked reading the streams) and how a command is
// sent on them. The client is loaded only here, on open, so a relay on a journal never loads it.

import type { createClient as CreateClient } from '@redis/client';
import { RelayError } from './errors.js';

/** A connected Redis client. */
export type RedisClient = ReturnType<typeof CreateClient>;

/** A raw Redis reply. */
export type Reply = string | number | null | Reply[];

/** What the store hears of its connection. */
export interface RedisConnectionEvents {
  /** An error on either connection, as it happens. */
  onError(message: string): void;
  /** The command connection is ready (at first, or again after a reconnect). */
  onReady(): void;
  /** The command connection is lost. */
  onDown(): void;
}

/**
 * Opens both connections. On failure neither is left open.
 *
 * @throws the client's error when Redis cannot be reached after a few tries.
 */
export async function connectRedis(url: string, commandTimeoutMs: number, events: RedisConnectionEvents): Promise<{ client: RedisClient; reader: RedisClient }> {
  let everReady = false;
  // Once connected, reconnect for ever (a Redis restart, a failover); at the start, give up after a few tries so
  // a wrong URL fails the start with a message instead of hanging it (a supervisor restarts the relay).
  const reconnectStrategy = (retries: number, cause: Error) =>
    !everReady && retries >= 3 ? new Error(cause?.message ?? 'unreachable') : Math.min(50 * 2 ** Math.min(retries, 5), 1000) + Math.floor(Math.random() * 100);
  let client: RedisClient | undefined;
  let reader: RedisClient | undefined;
  try {
    const { createClient } = await import('@redis/client');
    client = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy, connectTimeout: commandTimeoutMs } });
    reader = client.duplicate();
    for (const connection of [client, reader]) {
      connection.on('error', (error: Error) => events.onError(error.message));
    }
    client.on('ready', () => {
      everReady = true;
      events.onReady();
    });
    client.on('end', () => events.onDown());
    client.on('reconnecting', () => events.onDown());
    await client.connect();
    await reader.connect();
    return { client, reader };
  } catch (error) {
    client?.destroy();
    reader?.destroy();
    throw error;
  }
}

/**
 * Sends one command with a deadline.
 *
 * @throws {RelayError} `unavailable` when Redis does not answer in time or refuses.
 */
export async function sendCommand(client: RedisClient, args: string[], timeout: number): Promise<Reply> {
  try {
    return (await client.sendCommand(args, { timeout, rejectInFlight: true })) as Reply;
  } catch (cause) {
    throw new RelayError('unavailable', `Redis: ${(cause as Error).message}`, undefined, undefined, { cause });
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return 'the given URL';
  }
}
