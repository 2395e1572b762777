-- wrk: the mixed run. Each request a random person of MIXED_FILE (the
-- file tests/bench/mixed.py writes) doing what people do: their room
-- page most, their dashboard, their mentorship, a Growth Thread, a
-- directory search, the notifications page (MIXED_NOTIFICATIONS=1), and
-- one in twenty a write through the real forms with their CSRF token
-- (a room message, a thread entry, a milestone marked); MIXED_WRITES=0
-- makes those room views instead. Counts the answers: a page 200, a
-- write 303; anything else is reported.
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
sent_get, sent_post, got_200, got_303, got_other = 0, 0, 0, 0, 0

function init(args)
	math.randomseed(os.time() * 100 + id)
	for line in io.lines(os.getenv("MIXED_FILE")) do
		local c, t, mid, th, ms, own = line:match("(%S+) (%S+) (%S+) (%S+) (%S+) (%S+)")
		people[#people + 1] = { cookie = c, csrf = t, mid = mid, thread = th,
			milestone = ms, owner = own == "1" }
	end
end

local function get(p, path)
	sent_get = sent_get + 1
	return wrk.format("GET", path, { Cookie = p.cookie })
end

local function post(p, path, form)
	sent_post = sent_post + 1
	return wrk.format("POST", path, { Cookie = p.cookie,
		["Content-Type"] = "application/x-www-form-urlencoded" },
		"csrf=" .. p.csrf .. "&" .. form)
end

request = function()
	local p = people[math.random(#people)]
	local r = math.random(1000)
	if r <= 450 then return get(p, "/rooms/" .. p.mid) end
	if r <= 600 then return get(p, "/") end
	if r <= 700 then return get(p, "/mentorships/" .. p.mid) end
	if r <= 800 then return get(p, "/threads/" .. p.thread) end
	if r <= 900 then return get(p, "/people?q=" .. words[math.random(#words)]) end
	if r <= 950 then return get(p, notifications and "/notifications" or "/") end
	if not writes then return get(p, "/rooms/" .. p.mid) end
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

response = function(status, headers, body)
	if status == 200 then got_200 = got_200 + 1
	elseif status == 303 then got_303 = got_303 + 1
	else got_other = got_other + 1 end
end

function done(summary, latency, requests)
	local t = { get = 0, post = 0, s200 = 0, s303 = 0, other = 0 }
	for _, th in ipairs(threads) do
		t.get = t.get + th:get("sent_get")
		t.post = t.post + th:get("sent_post")
		t.s200 = t.s200 + th:get("got_200")
		t.s303 = t.s303 + th:get("got_303")
		t.other = t.other + th:get("got_other")
	end
	io.write(string.format("mixed: sent %d pages, %d writes; answered 200 %d, 303 %d, other %d\n",
		t.get, t.post, t.s200, t.s303, t.other))
end
