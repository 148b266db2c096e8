-- wrk script of bin/benchmark-api: the same requests, in the same order, for every server.
--
-- Environment (set by bin/benchmark-api):
--   REQUESTS   file of the requests, one a line, tab-separated:
--              name, method, path (after BASE_PATH, with the query), expected status, Prefer, body
--   WORKLOAD   "list": the first request only; "mix": every request of the file in turn
--   BASE_PATH  "/api/v1/core" (Prism serves the spec's paths without the server's base path)
--   KEY        the API key sent as "Authorization: Bearer KEY"
--
-- "Prefer: code=N, example=NAME" picks the spec example Prism answers; the sandbox and WireMock
-- ignore the header, and the nginx reference maps it to a fixed answer.
-- done() prints one "BENCH key=value ..." line that bin/benchmark-api parses.

local requests = {}
local counter = 0

local function load(file, workload, base, key)
  local list = {}
  for line in io.lines(file) do
    local name, method, path, _, prefer, body =
      line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    if name then
      local headers = { ["Authorization"] = "Bearer " .. key }
      if prefer ~= "" then headers["Prefer"] = prefer end
      if body == "" then
        body = nil
      else
        headers["Content-Type"] = "application/json"
      end
      list[#list + 1] = wrk.format(method, base .. path, headers, body)
      if workload == "list" then break end
    end
  end
  return list
end

function init(args)
  local file = assert(os.getenv("REQUESTS"), "REQUESTS is not set")
  local workload = os.getenv("WORKLOAD") or "list"
  requests = load(file, workload, os.getenv("BASE_PATH") or "/api/v1/core",
    os.getenv("KEY") or "sk_test_enterprise")
  assert(#requests > 0, "no request in " .. file)
end

function request()
  counter = counter % #requests + 1
  return requests[counter]
end

function done(summary, latency, _)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f"
      .. " non2xx=%d connect=%d read=%d write=%d timeout=%d bytes=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect, e.read, e.write, e.timeout, summary.bytes))
end
