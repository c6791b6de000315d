-- wrk.lua -- one script for every scenario, driven by the environment:
--   BENCH_METHOD   GET | POST
--   BENCH_PATH     path template: {id} {offset} {lat} {lon} {q} are filled per request
--   BENCH_HEADERS  "Name: value" lines separated by \n
--   BENCH_BODY     request body (POST)
--   BENCH_IDS      first,stride,count   {id} = first + stride * k, k random in [0, count)
--   BENCH_OFFSETS  min,max,step         {offset} random multiple of step in [min, max]
--   BENCH_BOX      lat0,lat1,lon0,lon1  {lat} {lon} uniform in the box
--   BENCH_WORDS    words separated by commas, {q} picks one
--   BENCH_PAIRS    file of "token id" lines: request k takes pair k (cycling),
--                  fills {id} and sends "Authorization: Bearer token", so the
--                  requests speak for many sellers, each about its own advert
--   BENCH_STATUS   the status every answer must have (else any 2xx)
--   BENCH_EXPECT   text every checked answer's body must contain
--   BENCH_CHECK_EVERY  check the body of one answer in this many (16)
-- 4096 requests are built at start from a fixed seed and sent in turn, so the
-- load generator does the same small work per request for every target.
-- Every answer's status is checked and one body in BENCH_CHECK_EVERY is
-- searched for BENCH_EXPECT: a wrong answer is counted ("wrong" in RESULT),
-- and the caller fails the run on it. done() prints one line: RESULT {json}.

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

local sellers = {}
if env("BENCH_PAIRS") then
	for line in io.lines(env("BENCH_PAIRS")) do
		local t, id = string.match(line, "^(%S+)%s+(%d+)$")
		if t then sellers[#sellers + 1] = {t, id} end
	end
end
local want_status = tonumber(env("BENCH_STATUS") or "")
local expect = env("BENCH_EXPECT")
local every = tonumber(env("BENCH_CHECK_EVERY") or "16")

local reqs, n, i = {}, 4096, 0
seen, checked, wrong = 0, 0, 0	-- globals: done() reads them from each thread

local threads = {}
function setup(thread)
	threads[#threads + 1] = thread
end

function init(args)
	math.randomseed(20240601)
	for k = 1, n do
		local p, h = template, headers
		if sellers[1] then
			local pr = sellers[(k - 1) % #sellers + 1]
			h = {}
			for hk, hv in pairs(headers) do h[hk] = hv end
			h["Authorization"] = "Bearer " .. pr[1]
			p = string.gsub(p, "{id}", pr[2])
		elseif ids[1] then
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
		reqs[k] = wrk.format(method, p, h, body)
	end
end

function request()
	i = i % n + 1
	return reqs[i]
end

function response(status, hdrs, resp)
	seen = seen + 1
	local bad = want_status and status ~= want_status or (not want_status and (status < 200 or status > 299))
	if not bad and expect and seen % every == 0 then
		checked = checked + 1
		bad = not string.find(resp, expect, 1, true)
	end
	if bad then wrong = wrong + 1 end
end

function done(s, lat, req)
	local tseen, tchecked, twrong = 0, 0, 0
	for _, t in ipairs(threads) do
		tseen = tseen + t:get("seen")
		tchecked = tchecked + t:get("checked")
		twrong = twrong + t:get("wrong")
	end
	io.write(string.format(
		'RESULT {"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"mean_ms":%.3f,"requests":%d,"non2xx":%d,"socket_errors":%d,"seen":%d,"checked":%d,"wrong":%d}\n',
		s.requests / (s.duration / 1e6), lat:percentile(50) / 1000, lat:percentile(99) / 1000, lat.mean / 1000,
		s.requests, s.errors.status, s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout, tseen, tchecked, twrong))
end
