-- wrk: each request the next of the space-separated paths in SOAK_PATHS
-- (the -H headers, such as the session cookie, go with every one)
local paths = {}
for p in string.gmatch(os.getenv("SOAK_PATHS") or "/", "%S+") do
	paths[#paths + 1] = p
end
local i = 0

request = function()
	i = i + 1
	return wrk.format(nil, paths[(i % #paths) + 1])
end
