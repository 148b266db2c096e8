-- Applies one transaction of the sandbox's store atomically (see RedisEngine.commit).
-- ARGV[1..4]: how many keys expect a version, are written, deleted, and index changes;
-- ARGV[7..9]: how many counters expect a value, are added to, and are deleted.
-- KEYS, in order: expected keys, written keys, deleted keys, indexes, expected counters,
-- counters added to, counters deleted, then the commit's record.
-- ARGV from 10 on: the expected versions, the written values, (member, score) pairs (an empty
-- score removes the member; a score after "xx" re-scores a member, adding none), the counters' expected values, then the amounts added. ARGV[5] is
-- the key of the version counter, ARGV[6] how long (ms) the commit's record is kept.
-- Answers the version given to every value written, or 0 when an expectation failed.
-- The record makes a resent copy of this script (a client that lost the reply and sent it
-- again on a new connection) answer what the first copy did instead of deciding again.
local record = KEYS[#KEYS]
local done = redis.call('GET', record)
if done then
  return tonumber(done)
end
local expects, puts, deletes, changes, counters = tonumber(ARGV[1]), tonumber(ARGV[2]),
    tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[7])
local adds, removals = tonumber(ARGV[8]), tonumber(ARGV[9])
local arg = 10
for i = 1, expects do
  local current = redis.call('HGET', KEYS[i], 'v') or '0'
  if current ~= ARGV[arg] then
    redis.call('SET', record, 0, 'PX', ARGV[6])
    return 0
  end
  arg = arg + 1
end
local counterKey = expects + puts + deletes + changes
local counterArg = arg + puts + 2 * changes
for i = 1, counters do
  local current = redis.call('GET', KEYS[counterKey + i]) or '0'
  if current ~= ARGV[counterArg + i - 1] then
    redis.call('SET', record, 0, 'PX', ARGV[6])
    return 0
  end
end
local version = redis.call('INCR', ARGV[5])
local key = expects
for i = 1, deletes do
  redis.call('DEL', KEYS[key + puts + i])
end
for i = 1, puts do
  redis.call('HSET', KEYS[key + i], 'v', version, 'd', ARGV[arg])
  arg = arg + 1
end
key = key + puts + deletes
for i = 1, changes do
  if ARGV[arg + 1] == '' then
    redis.call('ZREM', KEYS[key + i], ARGV[arg])
  elseif string.sub(ARGV[arg + 1], 1, 2) == 'xx' then
    redis.call('ZADD', KEYS[key + i], 'XX', string.sub(ARGV[arg + 1], 3), ARGV[arg])
  else
    redis.call('ZADD', KEYS[key + i], ARGV[arg + 1], ARGV[arg])
  end
  arg = arg + 2
end
local addKey, addArg = counterKey + counters, counterArg + counters
for i = 1, removals do
  redis.call('DEL', KEYS[addKey + adds + i])
end
for i = 1, adds do
  redis.call('INCRBY', KEYS[addKey + i], ARGV[addArg + i - 1])
end
-- Read what was written once more: a node that keeps what it read (CLIENT TRACKING with NOLOOP,
-- see ReadCache) is told of another node's next write of a key only if it read the key after its
-- own write, which drops the key from Redis' tracking.
for i = 1, puts + deletes do
  redis.call('EXISTS', KEYS[expects + i])
end
redis.call('SET', record, version, 'PX', ARGV[6])
return version
