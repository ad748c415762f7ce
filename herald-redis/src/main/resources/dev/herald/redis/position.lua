-- KEYS: epoch, sequence. ARGV: candidate epoch. Returns {epoch, newest position}.
local epoch = log_epoch(KEYS[1], ARGV[1])
return {epoch, tonumber(redis.call('GET', KEYS[2]) or '0')}
