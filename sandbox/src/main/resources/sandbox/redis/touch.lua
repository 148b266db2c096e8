-- Marks a member of an index as used (see RedisEngine.touch, on a Cluster): KEYS[1] is the
-- index, ARGV[1] the member, ARGV[2] the score above which it is touched, ARGV[3] its new
-- score. Answers the score before the touch (false: not a member). Only a member used after
-- ARGV[2] is touched: an ended member does not come back, an idle one is left as it is.
-- Setting one score twice changes nothing: a resent copy is harmless.
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) > tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], 'XX', ARGV[3], ARGV[1])
end
return score
