-- Reads what one request needs in one round trip (see RedisEngine.read).
-- ARGV[1..4]: how many values, followed values, counters and index sizes; ARGV[5]: 1 when a
-- counter is to be incremented, then ARGV[6] by how much, ARGV[7] the ttl (ms, 0: none) of a
-- counter it creates, ARGV[8] how long (ms) the increment's record is kept, ARGV[9] how many
-- counters its condition names, ARGV[10] how many indexes are read whole, ARGV[11] how many
-- members are touched, ARGV[12] how many counters are counted whatever they hold, ARGV[13]
-- how many indexes are read up to a score.
-- KEYS, in order: value hashes, followed hashes, counters, indexes sized, indexes read whole,
-- per touch the hash naming the member and its index, per count its counter and its record,
-- the indexes read up to a score; then, with an increment, its counter, its record and the
-- condition's counters. ARGV from 14 on: each followed hash's prefix and suffix (the named key
-- is prefix .. value .. suffix), per touch the score above which the member is touched and its
-- new score, per count how much it adds and the ttl (ms, 0: none) of a counter it creates, per
-- index read up to a score that score and how many members at most, then the condition's
-- values.
-- Answers one flat array: per value its version and data, per followed value its version and
-- data then the named key, its version and data; each counter; each index size; each index
-- read whole (an array of its members, lowest score first); each touched member's score before
-- the touch (false: not a member); each count's new value; each index's members up to its
-- score (an array, lowest first); then the increment's new value
-- (false: its condition did not hold, or none was asked for). Every record is kept ARGV[8] ms.
-- A touch sets the member's score only while it is a member used after the given score: an
-- ended member does not come back, an idle one is left for the caller to end.
-- The record makes a resent copy (its first reply was lost) answer the first copy's increment.
local values, follows, counters, sizes = tonumber(ARGV[1]), tonumber(ARGV[2]),
    tonumber(ARGV[3]), tonumber(ARGV[4])
local out = {}
local function push(x)
  out[#out + 1] = x or false
end
local k = 0
for i = 1, values do
  local vd = redis.call('HMGET', KEYS[k + i], 'v', 'd')
  push(vd[1]); push(vd[2])
end
k = k + values
for i = 1, follows do
  local vd = redis.call('HMGET', KEYS[k + i], 'v', 'd')
  push(vd[1]); push(vd[2])
  if vd[2] then
    local named = ARGV[12 + 2 * i] .. (string.match(vd[2], '^"(.*)"$') or vd[2]) .. ARGV[13 + 2 * i]
    local nvd = redis.call('HMGET', named, 'v', 'd')
    push(named); push(nvd[1]); push(nvd[2])
  else
    push(false); push(false); push(false)
  end
end
k = k + follows
for i = 1, counters do
  push(redis.call('GET', KEYS[k + i]))
end
k = k + counters
for i = 1, sizes do
  push(redis.call('ZCARD', KEYS[k + i]))
end
k = k + sizes
local wholes = tonumber(ARGV[10])
for i = 1, wholes do
  out[#out + 1] = redis.call('ZRANGE', KEYS[k + i], 0, -1)
end
k = k + wholes
local touches = tonumber(ARGV[11])
local arg = 14 + 2 * follows
for i = 1, touches do
  local named = redis.call('HGET', KEYS[k + 2 * i - 1], 'd')
  local score = false
  if named then
    local member = string.match(named, '^"(.*)"$') or named
    score = redis.call('ZSCORE', KEYS[k + 2 * i], member)
    if score and tonumber(score) > tonumber(ARGV[arg]) then
      redis.call('ZADD', KEYS[k + 2 * i], 'XX', ARGV[arg + 1], member)
    end
  end
  push(score)
  arg = arg + 2
end
k = k + 2 * touches
local counts = tonumber(ARGV[12])
for i = 1, counts do
  local key, record = KEYS[k + 2 * i - 1], KEYS[k + 2 * i]
  local value = tonumber(redis.call('GET', record))
  if not value then
    value = redis.call('INCRBY', key, ARGV[arg])
    if value == tonumber(ARGV[arg]) and tonumber(ARGV[arg + 1]) > 0 then
      redis.call('PEXPIRE', key, ARGV[arg + 1])
    end
    redis.call('SET', record, value, 'PX', ARGV[8])
  end
  push(value)
  arg = arg + 2
end
k = k + 2 * counts
local lowest = tonumber(ARGV[13])
for i = 1, lowest do
  out[#out + 1] = redis.call('ZRANGEBYSCORE', KEYS[k + i], '-inf', ARGV[arg], 'LIMIT', 0, ARGV[arg + 1])
  arg = arg + 2
end
k = k + lowest
if ARGV[5] == '1' then
  local key, record = KEYS[k + 1], KEYS[k + 2]
  local done = redis.call('GET', record)
  if done then
    push(done ~= '' and tonumber(done) or false)
    return out
  end
  local holds = true
  local conditions = tonumber(ARGV[9])
  for i = 1, conditions do
    local current = redis.call('GET', KEYS[k + 2 + i]) or '0'
    if current ~= ARGV[arg + i - 1] then
      holds = false
    end
  end
  if holds then
    local value = redis.call('INCRBY', key, ARGV[6])
    if value == tonumber(ARGV[6]) and tonumber(ARGV[7]) > 0 then
      redis.call('PEXPIRE', key, ARGV[7])
    end
    redis.call('SET', record, value, 'PX', ARGV[8])
    push(value)
  else
    redis.call('SET', record, '', 'PX', ARGV[8])
    push(false)
  end
else
  push(false)
end
return out
