// Who may write. Publish tokens reach the relay only as SHA-256 hashes (`name:sha256hex`); a presented token is
// hashed and compared with every one of them in constant time. Teams with an identity provider may use JWTs
// instead: algorithm pinned, audience and expiry required, and a scope that grants publishing.

import { createHash, createPublicKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { systemClock, type Clock } from './clock.js';
import { RelayError } from './errors.js';

/** A publish token as the relay knows it: a name for the audit trail and the SHA-256 of the token. */
export interface TokenHash {
  name: string;
  /** 64 hex digits. */
  sha256: string;
}

/** JWT settings. One of `secret`, `publicKey` or `jwksUrl` is required. */
export interface JwtOptions {
  /** The `aud` a token must carry. */
  audience: string | string[];
  /** The `iss` a token must carry, when set. */
  issuer?: string;
  /** The scope (in `scope`, space-separated, or `scp`) that grants publishing. Default `status:publish`. */
  scope?: string;
  /** A shared secret, for HS256/384/512. */
  secret?: string;
  /** A PEM public key (RSA, EC or Ed25519). */
  publicKey?: string;
  /** A JSON Web Key Set URL. */
  jwksUrl?: string;
  /** Accepted algorithms. Default: HS256 with a secret, else RS256, ES256 and EdDSA. */
  algorithms?: string[];
  /** Leeway for `exp` and `nbf`, in seconds. Default 30. */
  clockToleranceSeconds?: number;
}

/** Whoever a request is authenticated as; `name` is what the audit trail records. */
export interface Principal {
  name: string;
  via: 'token' | 'jwt';
}

/** Checks `Authorization` headers. */
export interface Authenticator {
  /** Whether any credential can succeed (tokens or JWT configured). */
  readonly enabled: boolean;
  /**
   * The principal of a `Bearer` header.
   * @throws {RelayError} `unauthorized` (missing, malformed, unknown, expired) or `forbidden` (wrong scope).
   */
  authenticate(header: string | undefined): Promise<Principal>;
}

const NAME = /^[A-Za-z0-9._@-]{1,64}$/;
const HEX = /^[0-9a-f]{64}$/;

/** The hex SHA-256 of a token: what to give the relay instead of the token. */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new random publish token (256 bits). */
export const createToken = (): string => `sbr_${randomBytes(32).toString('base64url')}`;

/**
 * Reads `name:sha256hex` entries, separated by commas or lines (`#` starts a comment).
 *
 * @throws {RelayError} `invalid-options` naming the bad entry (without echoing anything that may be a secret).
 */
export function parseTokenHashes(text: string, where = 'tokens'): TokenHash[] {
  const tokens: TokenHash[] = [];
  const entries = text
    .split(/[\n,]/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const name = entry.slice(0, colon);
    const sha256 = entry.slice(colon + 1).toLowerCase();
    if (colon < 1 || !NAME.test(name) || !HEX.test(sha256)) {
      throw new RelayError(
        'invalid-options',
        `${where}: entry ${i + 1} is not name:sha256hex (a name of letters, digits, . _ @ -, then 64 hex digits; \`status-banner-relay token NAME\` makes one)`,
      );
    }
    if (tokens.some((token) => token.name === name)) throw new RelayError('invalid-options', `${where}: the name ${name} is given twice`);
    tokens.push({ name, sha256 });
  });
  return tokens;
}

const unauthorized = (message: string, code: RelayError['authError'] = 'invalid_token') => new RelayError('unauthorized', message, undefined, code);

/**
 * Creates the authenticator.
 *
 * @example
 * const auth = createAuthenticator({ tokens: parseTokenHashes(process.env.STATUS_BANNER_RELAY_TOKENS ?? '') });
 * const who = await auth.authenticate(req.headers.authorization);
 */
export function createAuthenticator({ tokens = [], jwt, clock = systemClock }: { tokens?: TokenHash[]; jwt?: JwtOptions; clock?: Clock }): Authenticator {
  const hashes = tokens.map((token) => ({ name: token.name, digest: Buffer.from(token.sha256, 'hex') }));
  if (jwt && !jwt.secret && !jwt.publicKey && !jwt.jwksUrl) throw new RelayError('invalid-options', 'jwt needs a secret, a public key or a JWKS URL');
  if (jwt && (!jwt.audience || (Array.isArray(jwt.audience) && jwt.audience.length === 0))) throw new RelayError('invalid-options', 'jwt needs an audience');
  let verifyJwt: ((token: string) => Promise<Record<string, unknown>>) | undefined;

  async function jwtVerifier(options: JwtOptions): Promise<(token: string) => Promise<Record<string, unknown>>> {
    const jose = await import('jose');
    const algorithms = options.algorithms ?? (options.secret ? ['HS256'] : ['RS256', 'ES256', 'EdDSA']);
    const key: Uint8Array | KeyObject | ReturnType<typeof jose.createRemoteJWKSet> = options.secret
      ? new TextEncoder().encode(options.secret)
      : options.publicKey
        ? createPublicKey(options.publicKey)
        : jose.createRemoteJWKSet(new URL(options.jwksUrl!));
    return async (token) => {
      const verify = { audience: options.audience, issuer: options.issuer, algorithms, requiredClaims: ['exp', 'sub'], currentDate: new Date(clock.now()), clockTolerance: options.clockToleranceSeconds ?? 30 };
      const { payload } = typeof key === 'function' ? await jose.jwtVerify(token, key, verify) : await jose.jwtVerify(token, key, verify);
      return payload as Record<string, unknown>;
    };
  }

  async function authenticateJwt(token: string): Promise<Principal> {
    verifyJwt ??= await jwtVerifier(jwt!);
    let claims: Record<string, unknown>;
    try {
      claims = await verifyJwt(token);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw unauthorized(code === 'ERR_JWT_EXPIRED' ? 'The token has expired' : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' ? `The token's ${(error as { claim?: string }).claim} claim is not accepted` : 'The token is not valid');
    }
    const scope = jwt!.scope ?? 'status:publish';
    const scopes = [
      ...(typeof claims.scope === 'string' ? claims.scope.split(' ') : []),
      ...(Array.isArray(claims.scp) ? claims.scp : typeof claims.scp === 'string' ? claims.scp.split(' ') : []),
    ];
    if (!scopes.includes(scope)) throw new RelayError('forbidden', `The token lacks the ${scope} scope`, undefined, 'insufficient_scope');
    return { name: `jwt:${String(claims.sub).slice(0, 120)}`, via: 'jwt' };
  }

  return {
    enabled: hashes.length > 0 || !!jwt,
    async authenticate(header) {
      if (!header) throw unauthorized('Send Authorization: Bearer <token>', 'invalid_request');
      const match = /^Bearer +([\x21-\x7e]{1,8192})\s*$/i.exec(header);
      if (!match) throw unauthorized('Authorization must be Bearer <token>', 'invalid_request');
      const token = match[1]!;
      if (jwt && /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(token)) return authenticateJwt(token);
      const digest = createHash('sha256').update(token, 'utf8').digest();
      // Compared with every hash, without stopping at a match, so the time taken says nothing about which.
      let found: string | undefined;
      for (const { name, digest: known } of hashes) if (timingSafeEqual(digest, known) && !found) found = name;
      if (!found) throw unauthorized('The token is not valid');
      return { name: found, via: 'token' };
    },
  };
}
