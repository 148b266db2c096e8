-- Reads what one request needs in one round trip (see RedisEngine.read).
-- ARGV[1..4]: how many values, followed values, counters and index sizes; ARGV[5]: 1 when a
-- counter is to be incremented, then ARGV[6] by how much, ARGV[7] the ttl (ms, 0: none) of a
-- counter it creates, ARGV[8] how long (ms) the increment's record is kept, ARGV[9] how many
-- counters its condition names, ARGV[10] how many indexes are read whole.
-- KEYS, in order: value hashes, followed hashes, counters, indexes sized, indexes read whole;
-- then, with an increment, its counter, its record and the condition's counters. ARGV from
-- 11 on: each followed hash's prefix and suffix (the named key is prefix .. value .. suffix),
-- then the condition's values.
-- Answers one flat array: per value its version and data, per followed value its version and
-- data then the named key, its version and data; each counter; each index size; each index
-- read whole (an array of its members, lowest score first); then the increment's new value
-- (false: its condition did not hold, or none was asked for).
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
    local named = ARGV[9 + 2 * i] .. (string.match(vd[2], '^"(.*)"$') or vd[2]) .. ARGV[10 + 2 * i]
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
    if current ~= ARGV[10 + 2 * follows + i] then
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
