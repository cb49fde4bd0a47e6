-- wrk script of `make bench`. wrk itself only counts responses that are "not 2xx or 3xx"; this counts every
-- response that is not 2xx (a redirect to the login page is a failure too) and prints "non2xx: N" at the end.
-- Paths given after `--` are requested in turn (the fault round spreads its load over several pages).

local paths, index, threads = {}, 0, {}
non2xx = 0 -- global: read from each thread in done()

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for i = 1, #args do paths[i] = args[i] end
end

function request()
  if #paths == 0 then return wrk.format() end
  index = index % #paths + 1
  return wrk.format(nil, paths[index])
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("non2xx") end
  io.write(string.format("non2xx: %d\n", total))
end
