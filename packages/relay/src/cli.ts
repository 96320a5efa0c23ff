// `status-banner-relay`: flags, environment variables and a JSON config file in (flags win over the
// environment, which wins over the file), a running relay out. Every option is in OPTIONS, which `--help` prints.

import { readFileSync } from 'node:fs';
import { createToken, hashToken, parseTokenHashes, type JwtOptions } from './auth.js';
import { createRelay, type RelayOptions } from './create-relay.js';
import { RelayError } from './errors.js';
import { parseHookSecrets } from './webhooks.js';

type Kind = 'string' | 'number' | 'boolean';

/** One option of the command line. */
export interface CliOption {
  /** camelCase: the config file's key. */
  key: string;
  kind: Kind;
  /** What `--help` says the default is. */
  default?: string;
  help: string;
  /** Only from the environment or the config file: a secret must not show in `ps`. */
  secret?: boolean;
}

/** Every option, in `--help` order. The flag is the key in kebab-case, the variable STATUS_BANNER_RELAY_ + SNAKE_CASE. */
export const OPTIONS: readonly CliOption[] = [
  { key: 'port', kind: 'number', default: '8090', help: 'port to listen on; 0 takes a free one' },
  { key: 'host', kind: 'string', default: '127.0.0.1', help: 'interface to bind; 0.0.0.0 or :: to serve beyond this machine' },
  { key: 'upstream', kind: 'string', help: 'the status page to watch: a base URL (https://www.githubstatus.com) or an endpoint; none: direct notices only' },
  { key: 'provider', kind: 'string', default: 'detected', help: 'the upstream\'s provider: statuspage, incidentio, instatus, betterstack, cachet, uptimekuma, statusio, openstatus, sorry, heroku, slack, native' },
  { key: 'data', kind: 'string', default: './relay-data', help: 'folder of the journal (one node, no other process)' },
  { key: 'redis', kind: 'string', help: 'redis://host:port: keep the state in Redis instead, and run as many nodes as you like' },
  { key: 'redisPrefix', kind: 'string', default: 'status-banner:', help: 'prefix of the Redis keys (one cluster per prefix)' },
  { key: 'tokens', kind: 'string', help: 'publish tokens as name:sha256hex, comma-separated (environment or config file)', secret: true },
  { key: 'tokensFile', kind: 'string', help: 'a file of name:sha256hex lines' },
  { key: 'hookSecrets', kind: 'string', help: 'webhook path secrets as provider:sha256hex (statuspage, instatus, betterstack, generic), comma-separated', secret: true },
  { key: 'hookSecretsFile', kind: 'string', help: 'a file of provider:sha256hex lines' },
  { key: 'instatusSigningSecret', kind: 'string', help: 'Instatus webhook signing secret; when set, Instatus hooks must be signed', secret: true },
  { key: 'jwtAudience', kind: 'string', help: 'accept JWTs for this audience (turns JWT on; comma-separated for several)' },
  { key: 'jwtIssuer', kind: 'string', help: 'the issuer JWTs must name' },
  { key: 'jwtScope', kind: 'string', default: 'status:publish', help: 'the scope that grants publishing' },
  { key: 'jwtSecret', kind: 'string', help: 'HS256 shared secret', secret: true },
  { key: 'jwtPublicKeyFile', kind: 'string', help: 'a PEM public key (RSA, EC, Ed25519)' },
  { key: 'jwtJwksUrl', kind: 'string', help: 'a JSON Web Key Set URL' },
  { key: 'jwtAlgorithms', kind: 'string', default: 'HS256, or RS256,ES256,EdDSA', help: 'accepted algorithms, comma-separated' },
  { key: 'pageName', kind: 'string', default: 'the upstream\'s', help: 'the page name banners show' },
  { key: 'pageUrl', kind: 'string', default: 'the upstream\'s', help: 'the page banners link to' },
  { key: 'pollInterval', kind: 'number', default: '60', help: 'seconds between upstream reads while nothing is open' },
  { key: 'pollIntervalActive', kind: 'number', default: '20', help: 'seconds between upstream reads while something is open' },
  { key: 'pollJitter', kind: 'number', default: '0.1', help: 'each interval between upstream reads varies by up to this fraction either way (0 to 0.5)' },
  { key: 'upstreamTimeout', kind: 'number', default: '10', help: 'seconds an upstream read may take' },
  { key: 'upstreamStaleAfter', kind: 'number', default: '120', help: 'seconds of failing reads before the upstream\'s last good state is marked stale' },
  { key: 'heartbeat', kind: 'number', default: '15', help: 'seconds between heartbeats on each stream' },
  { key: 'retryMs', kind: 'number', default: '2000', help: 'the retry streams are told, in ms (plus up to 1000 at random)' },
  { key: 'maxConnections', kind: 'number', default: '10000', help: 'streams held at once; beyond, 503 with Retry-After' },
  { key: 'maxConnectionAge', kind: 'number', default: '3600', help: 'seconds after which a stream is closed (less up to a tenth) so load balancers rebalance; 0 never' },
  { key: 'drainSeconds', kind: 'number', default: '10', help: 'on SIGTERM, streams are closed spread over this many seconds' },
  { key: 'pollAfterSeconds', kind: 'number', default: '30', help: 'the pollAfterSeconds hint in the snapshot' },
  { key: 'staleAfterSeconds', kind: 'number', default: '600', help: 'the staleAfterSeconds hint in the snapshot' },
  { key: 'cacheMaxAge', kind: 'number', default: '5', help: 'max-age of the snapshot URL, in seconds' },
  { key: 'stream', kind: 'boolean', default: 'true', help: 'serve the stream; --no-stream answers 204, telling banners to poll' },
  { key: 'console', kind: 'boolean', default: 'true', help: 'serve the console at /console' },
  { key: 'maxNotices', kind: 'number', default: '500', help: 'direct notices open at once' },
  { key: 'trustProxy', kind: 'boolean', default: 'false', help: 'take the client address from X-Forwarded-For, its last entry (behind your own proxy)' },
  { key: 'log', kind: 'string', default: 'info', help: 'info, warn or quiet' },
  { key: 'config', kind: 'string', help: 'a JSON file of these options (camelCase keys)' },
];

const flagOf = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const envOf = (key: string) => `STATUS_BANNER_RELAY_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/** The `--help` text. */
export function helpText(): string {
  const rows = OPTIONS.map((option) => {
    const flag = option.secret ? '(no flag)' : `${flagOf(option.key)}${option.kind === 'boolean' ? '' : ' VALUE'}`;
    return `  ${flag.padEnd(32)} ${envOf(option.key)}\n      ${option.help}${option.default ? ` (default: ${option.default})` : ''}`;
  });
  return `Usage: status-banner-relay [options]
       status-banner-relay token NAME     print a new publish token, and the NAME:sha256 line to give the relay
       status-banner-relay hash           read a secret on stdin, print its SHA-256 (for hook secrets)

Serves GET /status.json and GET /stream (a banner's src and stream), POST /v1/notices, PATCH and DELETE
/v1/notices/ID, POST /hooks/PROVIDER/SECRET, /console, /healthz, /readyz and /metrics. Prints its base URL on a
line of its own once it serves. Flags win over environment variables, which win over the config file.

Options (flag, environment variable):
${rows.join('\n')}
  --help, -h
`;
}

type Values = Record<string, string | number | boolean>;

function convert(option: CliOption, raw: unknown, where: string): string | number | boolean {
  if (option.kind === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    if (/^(1|true|yes|on)$/i.test(String(raw))) return true;
    if (/^(0|false|no|off)$/i.test(String(raw))) return false;
    throw new RelayError('invalid-options', `${where} must be true or false`);
  }
  if (option.kind === 'number') {
    const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
    if (!Number.isFinite(value) || String(raw).trim() === '') throw new RelayError('invalid-options', `${where} must be a number`);
    return value;
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') throw new RelayError('invalid-options', `${where} must be a string`);
  return String(raw);
}

/**
 * Reads the options from `argv` (without the program), `env` and the config file they name.
 *
 * @throws {RelayError} `invalid-options` for an unknown flag, a missing value, a value of the wrong kind.
 */
export function readCliOptions(argv: string[], env: Record<string, string | undefined>): Values {
  const byFlag = new Map(OPTIONS.map((option) => [flagOf(option.key), option]));
  const flags: Values = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const negated = name.startsWith('--no-') ? byFlag.get(`--${name.slice(5)}`) : undefined;
    if (negated?.kind === 'boolean' && inline === undefined) {
      flags[negated.key] = false;
      continue;
    }
    const option = byFlag.get(name);
    if (!option || option.secret) {
      throw new RelayError('invalid-options', option ? `${name} is a secret: give it as ${envOf(option.key)} or in the config file` : `unknown option ${name} (see --help)`);
    }
    if (option.kind === 'boolean' && inline === undefined) {
      flags[option.key] = true;
      continue;
    }
    const value = inline ?? argv[(i += 1)];
    if (value === undefined) throw new RelayError('invalid-options', `${name} needs a value`);
    flags[option.key] = convert(option, value, name);
  }
  const fromEnv: Values = {};
  for (const option of OPTIONS) {
    const raw = env[envOf(option.key)];
    if (raw !== undefined && raw !== '') fromEnv[option.key] = convert(option, raw, envOf(option.key));
  }
  const configPath = (flags.config ?? fromEnv.config) as string | undefined;
  const fromFile: Values = {};
  if (configPath) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(configPath, 'utf8'));
    } catch (error) {
      throw new RelayError('invalid-options', `cannot read the config file ${configPath}: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new RelayError('invalid-options', `${configPath} must hold a JSON object`);
    for (const [key, raw] of Object.entries(parsed)) {
      const option = OPTIONS.find((candidate) => candidate.key === key);
      if (!option || key === 'config') throw new RelayError('invalid-options', `${configPath}: unknown option ${key}`);
      fromFile[key] = convert(option, raw, `${configPath}: ${key}`);
    }
  }
  return { ...fromFile, ...fromEnv, ...flags };
}

const readText = (file: string, what: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new RelayError('invalid-options', `cannot read ${what} ${file}: ${(error as Error).message}`);
  }
};

/** Turns the command line's values into `createRelay` options. */
export function toRelayOptions(values: Values): RelayOptions {
  const get = <T extends string | number | boolean>(key: string) => values[key] as T | undefined;
  const tokens = [
    ...parseTokenHashes(get<string>('tokens') ?? '', envOf('tokens')),
    ...(get<string>('tokensFile') ? parseTokenHashes(readText(get<string>('tokensFile')!, 'the tokens file'), get<string>('tokensFile')) : []),
  ];
  const hookSecrets = [
    ...parseHookSecrets(get<string>('hookSecrets') ?? '', envOf('hookSecrets')),
    ...(get<string>('hookSecretsFile') ? parseHookSecrets(readText(get<string>('hookSecretsFile')!, 'the hook secrets file'), get<string>('hookSecretsFile')) : []),
  ];
  let jwt: JwtOptions | undefined;
  if (get('jwtAudience')) {
    const list = (key: string) => get<string>(key)?.split(',').map((s) => s.trim()).filter(Boolean);
    jwt = {
      audience: list('jwtAudience')!,
      ...(get('jwtIssuer') && { issuer: get<string>('jwtIssuer') }),
      ...(get('jwtScope') && { scope: get<string>('jwtScope') }),
      ...(get('jwtSecret') && { secret: get<string>('jwtSecret') }),
      ...(get('jwtPublicKeyFile') && { publicKey: readText(get<string>('jwtPublicKeyFile')!, 'the JWT public key') }),
      ...(get('jwtJwksUrl') && { jwksUrl: get<string>('jwtJwksUrl') }),
      ...(get('jwtAlgorithms') && { algorithms: list('jwtAlgorithms') }),
    };
  }
  const page = { ...(get('pageName') && { name: get<string>('pageName') }), ...(get('pageUrl') && { url: get<string>('pageUrl') }) };
  const number = (key: string) => (get<number>(key) === undefined ? {} : { [key]: get<number>(key) });
  const level = get<string>('log') ?? 'info';
  if (!['info', 'warn', 'quiet'].includes(level)) throw new RelayError('invalid-options', `log must be info, warn or quiet, not ${level}`);
  return {
    ...number('port'),
    ...(get('host') && { host: get<string>('host') }),
    ...(get('upstream') && { upstream: get<string>('upstream') }),
    ...(get('provider') && { provider: get<string>('provider') }),
    ...(get('redis') ? { redis: get<string>('redis'), redisPrefix: get<string>('redisPrefix') } : { data: get<string>('data') ?? './relay-data' }),
    tokens,
    ...(jwt && { jwt }),
    hookSecrets,
    ...(get('instatusSigningSecret') && { instatusSigningSecret: get<string>('instatusSigningSecret') }),
    ...(Object.keys(page).length && { page }),
    ...number('pollInterval'),
    ...number('pollIntervalActive'),
    ...number('pollJitter'),
    ...number('upstreamTimeout'),
    ...number('upstreamStaleAfter'),
    ...number('heartbeat'),
    ...number('retryMs'),
    ...number('maxConnections'),
    ...number('maxConnectionAge'),
    ...number('drainSeconds'),
    ...number('pollAfterSeconds'),
    ...number('staleAfterSeconds'),
    ...number('cacheMaxAge'),
    ...number('maxNotices'),
    ...(get('stream') !== undefined && { stream: get<boolean>('stream') }),
    ...(get('console') !== undefined && { console: get<boolean>('console') }),
    ...(get('trustProxy') !== undefined && { trustProxy: get<boolean>('trustProxy') }),
    log: (severity, message) => {
      if (level === 'quiet' || (level === 'warn' && severity === 'info')) return;
      process.stderr.write(`${new Date().toISOString()} ${severity} ${message}\n`);
    },
  };
}

/**
 * Runs the command line: `argv` without the program name. Resolves once the relay serves (it then runs until a
 * signal), or once a sub-command is done.
 */
export async function main(argv: string[], env: Record<string, string | undefined>): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(helpText());
    return;
  }
  if (argv[0] === 'token') {
    const name = argv[1] ?? 'publisher';
    if (!/^[A-Za-z0-9._@-]{1,64}$/.test(name)) throw new RelayError('invalid-options', 'NAME is 1 to 64 letters, digits, . _ @ -');
    const token = createToken();
    process.stdout.write(`token (give it to ${name}, keep it secret): ${token}\nfor the relay (STATUS_BANNER_RELAY_TOKENS or --tokens-file): ${name}:${hashToken(token)}\n`);
    return;
  }
  if (argv[0] === 'hash') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    process.stdout.write(`${hashToken(Buffer.concat(chunks).toString('utf8').trim())}\n`);
    return;
  }
  const relay = await createRelay(toRelayOptions(readCliOptions(argv, env)));
  process.stdout.write(`${relay.url}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    // A second signal while draining means "now".
    if (stopping) {
      void relay.close().finally(() => process.exit(130));
      return;
    }
    stopping = true;
    process.stderr.write(`${new Date().toISOString()} info ${signal}: draining\n`);
    relay.drain().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
