-- wrk script for bench/problems-bench.sh.
--   wrk ... -s wrk.lua <url> -- intake <data.lua>   POST /api/v1/problems with varied bodies (random minor category,
--                                                   half at a random demo point, half at a position near one)
--   wrk ... -s wrk.lua <url/path> -- get            the GET in the URL, unchanged
-- The Authorization or Cookie header comes with -H. Prints requests/s, p50/p95/p99/max latency and every status code
-- seen (so that a run of 401s or 409s cannot pass for a result).
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local mode, data

function init(args)
  mode = args[1] or "get"
  statuses = {}
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
  if mode == "intake" then
    data = dofile(args[2])
  end
end

local descriptions = {
  "路口机动车乱停放，占用盲道", "绿化带内堆放建筑垃圾", "垃圾桶满溢未及时清运", "电线杆上张贴小广告",
  "店外占道经营摆摊", "人行道护栏损坏", "公益广告破损缺失", "无障碍通道被杂物阻挡",
  "公厕标识不清", "工地围挡外扬尘明显",
}

function request()
  if mode ~= "intake" then
    return wrk.format(nil, nil, nil, nil)
  end
  local cat = data.categories[math.random(#data.categories)]
  local p = data.points[math.random(#data.points)]
  local place
  if math.random() < 0.5 then
    place = string.format('"pointId":"%s"', p.id)
  else
    place = string.format('"lat":%.6f,"lng":%.6f', p.lat + (math.random() - 0.5) * 0.0001,
      p.lng + (math.random() - 0.5) * 0.0001)
  end
  local body = string.format('{"categoryCode":"%s","description":"%s（压测 %d）",%s,"allowDuplicate":true}',
    cat, descriptions[math.random(#descriptions)], math.random(1000000), place)
  return wrk.format("POST", "/api/v1/problems", nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    if s then
      for code, n in pairs(s) do all[code] = (all[code] or 0) + n end
    end
  end
  local codes, bad = {}, 0
  for code, n in pairs(all) do
    table.insert(codes, code .. "×" .. n)
    if code < 200 or code > 299 then bad = bad + n end
  end
  table.sort(codes)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests %d in %.1f s = %.1f req/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; " ..
    "statuses %s; non-2xx %d; socket errors %d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    table.concat(codes, " "), bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
