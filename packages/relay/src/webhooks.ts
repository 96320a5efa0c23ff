// Webhooks from status pages are pokes: they only make the relay read the upstream early, so what they say is
// never trusted and a forged one costs at most one coalesced round of reads. Each provider's hook lives at a
// secret path (`/hooks/<provider>/<secret>`); the relay holds only the secrets' SHA-256 hashes. Where the
// provider signs its webhooks (Instatus), the signature is checked too.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { RelayError } from './errors.js';

/** The providers whose webhooks the relay takes; `generic` is any POST at all (a script, a monitor). */
export const HOOK_PROVIDERS = ['statuspage', 'instatus', 'betterstack', 'generic'] as const;
export type HookProvider = (typeof HOOK_PROVIDERS)[number];

/** A hook's secret path segment as the relay knows it. */
export interface HookSecret {
  provider: HookProvider;
  /** 64 hex digits: the SHA-256 of the path segment. */
  sha256: string;
}

/** What to make of a webhook. */
export type HookVerdict = 'poke' | 'unknown' | 'bad-signature';

/**
 * Reads `provider:sha256hex` entries, separated by commas or lines.
 *
 * @throws {RelayError} `invalid-options` naming the bad entry.
 */
export function parseHookSecrets(text: string, where = 'hook secrets'): HookSecret[] {
  return text
    .split(/[\n,]/)
    .map((entry) => entry.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map((entry, i) => {
      const [provider, sha256 = ''] = entry.split(':');
      if (!(HOOK_PROVIDERS as readonly string[]).includes(provider!) || !/^[0-9a-f]{64}$/i.test(sha256)) {
        throw new RelayError('invalid-options', `${where}: entry ${i + 1} is not provider:sha256hex with a provider among ${HOOK_PROVIDERS.join(', ')}`);
      }
      return { provider: provider as HookProvider, sha256: sha256.toLowerCase() };
    });
}

const equal = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/**
 * Judges one webhook: `unknown` for a provider or secret the relay does not know (answered 404, nothing else
 * happens), `bad-signature` for an Instatus hook whose signature does not match, else `poke`.
 */
export function judgeWebhook(
  { secrets, instatusSigningSecret }: { secrets: HookSecret[]; instatusSigningSecret?: string },
  provider: string,
  secret: string,
  body: Buffer,
  headers: Record<string, string | string[] | undefined>,
): HookVerdict {
  const digest = createHash('sha256').update(secret, 'utf8').digest();
  let known = false;
  // Every secret is compared, so the time taken does not say which provider's is close.
  for (const entry of secrets) if (equal(digest, Buffer.from(entry.sha256, 'hex')) && entry.provider === provider) known = true;
  if (!known) return 'unknown';
  if (provider === 'instatus' && instatusSigningSecret) {
    const signature = String(headers['x-instatus-webhook-signature'] ?? '').trim().toLowerCase();
    const sign = (bytes: Buffer | string) => createHmac('sha256', instatusSigningSecret).update(bytes).digest();
    const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
    if (equal(given, sign(body))) return 'poke';
    // Instatus's own example signs the JSON as re-serialized, not the bytes sent: accept that form too.
    try {
      if (equal(given, sign(JSON.stringify(JSON.parse(body.toString('utf8')))))) return 'poke';
    } catch {
      // Not JSON: only the raw form could match, and it did not.
    }
    return 'bad-signature';
  }
  return 'poke';
}
