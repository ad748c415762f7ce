-- The log's identity: created with the caller's candidate when missing (a new or emptied Redis),
-- so every node agrees on the epoch of what is in Redis now.
local function log_epoch(key, candidate)
  local epoch = redis.call('GET', key)
  if not epoch then
    redis.call('SET', key, candidate)
    epoch = candidate
  end
  return epoch
end
