-- Applies one transaction of the sandbox's store atomically (see RedisEngine.commit).
-- ARGV[1..4]: how many keys expect a version, are written, deleted, and index changes.
-- KEYS, in order: expected keys, written keys, deleted keys, indexes.
-- ARGV from 6 on: the expected versions, the written values, then (member, score) pairs;
-- an empty score removes the member. ARGV[5] is the key of the version counter.
local expects, puts, deletes, changes = tonumber(ARGV[1]), tonumber(ARGV[2]),
    tonumber(ARGV[3]), tonumber(ARGV[4])
local arg = 6
for i = 1, expects do
  local current = redis.call('HGET', KEYS[i], 'v') or '0'
  if current ~= ARGV[arg] then
    return 0
  end
  arg = arg + 1
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
  else
    redis.call('ZADD', KEYS[key + i], ARGV[arg + 1], ARGV[arg])
  end
  arg = arg + 2
end
return 1
