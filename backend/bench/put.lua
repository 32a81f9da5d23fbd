-- PUT check-ins round-robin over every item x the last 14 days, alternating done and missed,
-- so every request really changes a row. BENCH_PATHS is a ';'-separated list set by the bench.
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "", "[^;]+") do
  paths[#paths + 1] = p
end
local token = os.getenv("BENCH_TOKEN") or ""
local counter = 0

function setup(thread)
  thread:set("offset", math.random(0, #paths - 1))
end

request = function()
  counter = counter + 1
  local i = (counter + (offset or 0)) % #paths + 1
  local round = math.floor((counter + (offset or 0)) / #paths) % 2
  local body = round == 0 and '{"status":"done"}' or '{"status":"missed"}'
  return wrk.format("PUT", paths[i], {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, body)
end
