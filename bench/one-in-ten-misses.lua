-- wrk script: nine requests in ten ask for a cached article, the tenth for a guidance page no one has asked for yet,
-- so 10% of the traffic is a cache miss (issue 13: misses must not wait on a frozen Redis).
-- Usage: BENCH_SALT=<0-9> wrk ... -s bench/one-in-ten-misses.lua URL  (a new salt per run keeps earlier runs' pages cold)
local threads = 0

function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

function init(args)
  -- Each thread walks its own half of the page sizes, each run (salt) its own stretch of pages.
  n = (tonumber(os.getenv("BENCH_SALT")) or 0) * 500000
end

function request()
  n = n + 1
  if n % 10 ~= 0 then
    return wrk.format(nil, "/api/v2/guidance/what-is-sharing-nudes")
  end
  local k = n / 10
  local page = k % 10000 + 1
  local page_size = thread_id * 50 + math.floor(k / 10000) % 50 + 1
  return wrk.format(nil, string.format("/api/v2/guidance?page=%d&pageSize=%d", page, page_size))
end
