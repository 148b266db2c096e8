-- A counter of the sandbox's store: adds ARGV[1]; a counter it creates lives ARGV[2] ms
-- (0: for ever). KEYS[1] is the counter.
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if value == tonumber(ARGV[1]) and tonumber(ARGV[2]) > 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return value
