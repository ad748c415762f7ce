-- Reads, in one step, the entries of some topics after a position and up to another, and whether
-- each topic dropped entries after the first position.
-- KEYS: epoch, newest position per topic, then one stream per topic.
-- ARGV: candidate epoch, after (a position), first id to read ('<after+1>-0'), last id to read
--       ('<upTo>-0'), then the topic names in the order of their streams.
-- Returns {epoch, then per topic: 1 if it dropped entries after the position else 0, its entries}.
local epoch = log_epoch(KEYS[1], ARGV[1])
local after = tonumber(ARGV[2])
local out = {epoch}
for i = 3, #KEYS do
  local topic = ARGV[2 + i]
  local entries = redis.call('XRANGE', KEYS[i], ARGV[3], ARGV[4])
  local first = entries[1]
  if first == nil then
    first = redis.call('XRANGE', KEYS[i], ARGV[3], '+', 'COUNT', 1)[1]
  end
  local dropped = 0
  if first == nil then
    if tonumber(redis.call('HGET', KEYS[2], topic) or '0') > after then
      dropped = 1
    end
  else
    local values = first[2]
    for j = 1, #values, 2 do
      if values[j] == 'P' and tonumber(values[j + 1]) > after then
        dropped = 1
      end
    end
  end
  out[#out + 1] = dropped
  out[#out + 1] = entries
end
return out
