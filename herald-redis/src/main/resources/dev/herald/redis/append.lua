-- Appends one publication at the next global position, to the feed and to each topic's stream,
-- then trims each topic's stream to its bounds (count and bytes, oldest first) and the feed to
-- about its length. All or nothing: Redis runs a script without interleaving another command.
-- KEYS: epoch, sequence, feed, topic set, bytes per topic, newest position per topic,
--       publisher ids (sorted set: id -> earliest position), then one stream per topic.
-- ARGV: candidate epoch, max events per topic, max bytes per topic, feed length, publisher ids
--       kept, publisher id ('' for none), size of the entry in bytes, topic count n, the n topic
--       names, then the entry's field/value pairs.
local epoch = log_epoch(KEYS[1], ARGV[1])
local position = redis.call('INCR', KEYS[2])
local id = position .. '-0'
local n = tonumber(ARGV[8])
local fields = {}
for i = 9 + n, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], id, 'E', epoch, unpack(fields))
local max_events = tonumber(ARGV[2])
local max_bytes = tonumber(ARGV[3])
local size = tonumber(ARGV[7])
for i = 1, n do
  local topic = ARGV[8 + i]
  local stream = KEYS[7 + i]
  local previous = redis.call('HGET', KEYS[6], topic) or '0'
  redis.call('HSET', KEYS[6], topic, position)
  redis.call('SADD', KEYS[4], topic)
  -- P: the topic's previous position, so a reader sees when entries before this one were dropped.
  redis.call('XADD', stream, id, 'P', previous, 'S', size, unpack(fields))
  local bytes = redis.call('HINCRBY', KEYS[5], topic, size)
  local length = redis.call('XLEN', stream)
  while length > 1 and (length > max_events or bytes > max_bytes) do
    local oldest = redis.call('XRANGE', stream, '-', '+', 'COUNT', 1)[1]
    local values = oldest[2]
    local dropped = 0
    for j = 1, #values, 2 do
      if values[j] == 'S' then
        dropped = tonumber(values[j + 1])
      end
    end
    redis.call('XDEL', stream, oldest[1])
    bytes = redis.call('HINCRBY', KEYS[5], topic, -dropped)
    length = length - 1
  end
end
if ARGV[6] ~= '' then
  redis.call('ZADD', KEYS[7], 'NX', position, ARGV[6])
  local kept = tonumber(ARGV[5])
  local count = redis.call('ZCARD', KEYS[7])
  if count > kept then
    redis.call('ZREMRANGEBYRANK', KEYS[7], 0, count - kept - 1)
  end
end
return {epoch, position}
