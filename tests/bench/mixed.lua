-- wrk: the mixed run. Each request a random person of MIXED_FILE (the
-- file tests/bench/mixed.py writes) doing what people do: their room
-- page most, their dashboard, their mentorship, a Growth Thread, a
-- directory search, the notifications page (MIXED_NOTIFICATIONS=1), and
-- one in twenty a write through the real forms with their CSRF token
-- (a room message, a thread entry, a milestone marked); MIXED_WRITES=0
-- makes those room views instead.
--
-- wrk shares the two cores with what it measures, so it does little:
-- each person's pages are formatted once, in init, and there is no
-- response callback (with one, wrk copies every answer's headers and
-- body into Lua: 0.07 ms of its CPU a request against 0.05 without, and
-- plain wrk's 0.035 on the room page). The answers are counted from the
-- stack's access log instead, by this run's User-Agent, "menteo-bench-"
-- and MIXED_AGENT (tests/bench/run.sh).
local threads = {}
local n = 0
function setup(thread)
	n = n + 1
	thread:set("id", n)
	threads[#threads + 1] = thread
end

local people = {}
local words = { "leadership", "hiring", "fundraising", "product", "design",
	"sales", "career", "rust", "python", "strategy", "lead", "found" }
local notifications = os.getenv("MIXED_NOTIFICATIONS") == "1"
local writes = os.getenv("MIXED_WRITES") ~= "0"
local agent = "menteo-bench-" .. (os.getenv("MIXED_AGENT") or "mixed")
sent_get, sent_post = 0, 0

local function get(cookie, path)
	return wrk.format("GET", path, { Cookie = cookie, ["User-Agent"] = agent })
end

function init(args)
	math.randomseed(os.time() * 100 + id)
	for line in io.lines(os.getenv("MIXED_FILE")) do
		local c, t, mid, th, ms, own = line:match("(%S+) (%S+) (%S+) (%S+) (%S+) (%S+)")
		local p = { cookie = c, csrf = t, mid = mid, thread = th,
			milestone = ms, owner = own == "1", search = {} }
		p.room = get(c, "/rooms/" .. mid)
		p.home = get(c, "/")
		p.mentorship = get(c, "/mentorships/" .. mid)
		p.journal = get(c, "/threads/" .. th)
		p.notifications = notifications and get(c, "/notifications") or p.home
		for i, w in ipairs(words) do p.search[i] = get(c, "/people?q=" .. w) end
		people[#people + 1] = p
	end
end

local function post(p, path, form)
	sent_post = sent_post + 1
	return wrk.format("POST", path, { Cookie = p.cookie, ["User-Agent"] = agent,
		["Content-Type"] = "application/x-www-form-urlencoded" },
		"csrf=" .. p.csrf .. "&" .. form)
end

request = function()
	local p = people[math.random(#people)]
	local r = math.random(1000)
	if r > 950 and writes then
		if r <= 980 or (r <= 990 and not p.owner) then
			return post(p, "/rooms/" .. p.mid .. "/messages",
				"body=A+message+from+the+mixed+run+" .. r)
		end
		if r <= 990 then
			return post(p, "/threads/" .. p.thread .. "/entries",
				"kind=update&body=An+entry+from+the+mixed+run.")
		end
		return post(p, "/mentorships/" .. p.mid .. "/roadmap/milestones/" ..
			p.milestone, "done=" .. (r % 2))
	end
	sent_get = sent_get + 1
	if r <= 450 or r > 950 then return p.room end
	if r <= 600 then return p.home end
	if r <= 700 then return p.mentorship end
	if r <= 800 then return p.journal end
	if r <= 900 then return p.search[math.random(#words)] end
	return p.notifications
end

function done(summary, latency, requests)
	local get, post = 0, 0
	for _, th in ipairs(threads) do
		get = get + th:get("sent_get")
		post = post + th:get("sent_post")
	end
	io.write(string.format("mixed: sent %d pages, %d writes\n", get, post))
end
