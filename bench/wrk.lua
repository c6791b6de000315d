-- wrk.lua -- one script for every scenario, driven by the environment:
--   BENCH_METHOD   GET | POST
--   BENCH_PATH     path template: {id} {offset} {lat} {lon} {q} are filled per request
--   BENCH_HEADERS  "Name: value" lines separated by \n
--   BENCH_BODY     request body (POST)
--   BENCH_IDS      first,stride,count   {id} = first + stride * k, k random in [0, count)
--   BENCH_OFFSETS  min,max,step         {offset} random multiple of step in [min, max]
--   BENCH_BOX      lat0,lat1,lon0,lon1  {lat} {lon} uniform in the box
--   BENCH_WORDS    words separated by commas, {q} picks one
-- 4096 requests are built at start from a fixed seed and sent in turn, so the
-- load generator does the same small work per request for every target.
-- done() prints one line: RESULT {json}.

local env = os.getenv
local function nums(s)
	local t = {}
	for v in string.gmatch(s or "", "[^,]+") do t[#t + 1] = tonumber(v) end
	return t
end

local method = env("BENCH_METHOD") or "GET"
local template = env("BENCH_PATH") or "/"
local body = env("BENCH_BODY")
local headers = {}
for line in string.gmatch(env("BENCH_HEADERS") or "", "[^\n]+") do
	local k, v = string.match(line, "^([^:]+):%s*(.*)$")
	if k then headers[k] = v end
end
local ids, offsets, box = nums(env("BENCH_IDS")), nums(env("BENCH_OFFSETS")), nums(env("BENCH_BOX"))
local words = {}
for w in string.gmatch(env("BENCH_WORDS") or "", "[^,]+") do words[#words + 1] = w end

local reqs, n, i = {}, 4096, 0

function init(args)
	math.randomseed(20240601)
	for k = 1, n do
		local p = template
		if ids[1] then
			p = string.gsub(p, "{id}", tostring(ids[1] + ids[2] * math.random(0, ids[3] - 1)))
		end
		if offsets[1] then
			local steps = math.floor((offsets[2] - offsets[1]) / offsets[3])
			p = string.gsub(p, "{offset}", tostring(offsets[1] + offsets[3] * math.random(0, steps)))
		end
		if box[1] then
			p = string.gsub(p, "{lat}", string.format("%.5f", box[1] + (box[2] - box[1]) * math.random()))
			p = string.gsub(p, "{lon}", string.format("%.5f", box[3] + (box[4] - box[3]) * math.random()))
		end
		if words[1] then
			local w = words[math.random(1, #words)]
			p = string.gsub(p, "{q}", function() return w end)
		end
		reqs[k] = wrk.format(method, p, headers, body)
	end
end

function request()
	i = i % n + 1
	return reqs[i]
end

function done(s, lat, req)
	io.write(string.format(
		'RESULT {"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"mean_ms":%.3f,"requests":%d,"non2xx":%d,"socket_errors":%d}\n',
		s.requests / (s.duration / 1e6), lat:percentile(50) / 1000, lat:percentile(99) / 1000, lat.mean / 1000,
		s.requests, s.errors.status, s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout))
end
