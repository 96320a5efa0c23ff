// The Lua scripts the Redis store runs, each one atomic step on Redis. The lease's own scripts live with the
// lease (redis-lease.ts).

// KEYS: version, state, events, epoch, idem. ARGV: expected version, new version, new state JSON, epoch,
// idempotency record JSON ('' for none), its time to live (ms), stream length.
export const COMMIT = `
if ARGV[5] ~= '' then
  local prior = redis.call('GET', KEYS[5])
  if prior then return {'dup', prior} end
end
local epoch = redis.call('GET', KEYS[4])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if epoch and epoch ~= ARGV[4] then return {'epoch', epoch} end
if current ~= tonumber(ARGV[1]) then return {'stale', tostring(current)} end
if not epoch then redis.call('SET', KEYS[4], ARGV[4]) end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], ARGV[3])
local id = redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[7], '*', 'v', ARGV[2], 'e', ARGV[4], 's', ARGV[3])
if ARGV[5] ~= '' then redis.call('SET', KEYS[5], ARGV[5], 'PX', ARGV[6]) end
return {'ok', id}
`;

// KEYS: version, state, epoch, events, pokes. The state and where both streams end, read together.
export const SYNC = `
local last = redis.call('XREVRANGE', KEYS[4], '+', '-', 'COUNT', 1)
local poke = redis.call('XREVRANGE', KEYS[5], '+', '-', 'COUNT', 1)
return {redis.call('GET', KEYS[3]) or '', redis.call('GET', KEYS[1]) or '0', redis.call('GET', KEYS[2]) or '', last[1] and last[1][1] or '0-0', poke[1] and poke[1][1] or '0-0'}
`;
