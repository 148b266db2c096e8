-- A counter of the sandbox's store: adds ARGV[1]; a counter it creates lives ARGV[2] ms
-- (0: for ever). KEYS[1] is the counter, KEYS[2] the increment's record, kept ARGV[3] ms:
-- a resent copy of this script (its first reply was lost) answers the first copy's value
-- instead of adding again.
local done = redis.call('GET', KEYS[2])
if done then
  return tonumber(done)
end
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if value == tonumber(ARGV[1]) and tonumber(ARGV[2]) > 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
redis.call('SET', KEYS[2], value, 'PX', ARGV[3])
return value
