-- wrk script of the web benchmark: each connection cycles through the request paths in the file named after `--`
-- (one path a line), starting at a different place per thread; counts responses by status and prints, when wrk is
-- done, one line "KINO_RESULT {json}" with the request count, socket errors, non-2xx responses and latency
-- percentiles in microseconds. With a token after the file, every request gets a parameter the server ignores but
-- that makes its URL new (`_=TOKEN-THREAD-N`; give each wrk run its own token), so no response can come from a
-- cache keyed by URL.
--   wrk -t2 -c64 -d20s --latency -s Benchmarks/web/paths.lua http://127.0.0.1:PORT -- PATHS_FILE [TOKEN]

local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("thread_number", counter)
    table.insert(threads, thread)
end

function init(args)
    paths = {}
    for line in io.lines(args[1]) do
        if line ~= "" then table.insert(paths, line) end
    end
    if #paths == 0 then error("no paths in " .. tostring(args[1])) end
    -- Spread the threads over the list so they do not ask the same thing at the same time.
    next_path = ((thread_number or 1) - 1) * math.floor(#paths / 2) % #paths + 1
    token = args[2]
    sent = 0
    non2xx = 0
    counts = {}
    statuses = ""
end

function request()
    local path = paths[next_path]
    next_path = next_path % #paths + 1
    if token then
        sent = sent + 1
        local separator = path:find("?", 1, true) and "&" or "?"
        path = path .. separator .. "_=" .. token .. "-" .. (thread_number or 1) .. "-" .. sent
    end
    return wrk.format("GET", path)
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        non2xx = non2xx + 1
        counts[status] = (counts[status] or 0) + 1
        -- Kept as text, since only plain values cross from a thread to `done`.
        statuses = ""
        for code, count in pairs(counts) do statuses = statuses .. code .. "x" .. count .. " " end
    end
end

function done(summary, latency, requests)
    local non2xx_total, seen = 0, ""
    for _, thread in ipairs(threads) do
        non2xx_total = non2xx_total + thread:get("non2xx")
        seen = seen .. thread:get("statuses")  -- e.g. "500x12 404x3 " per thread
    end
    local e = summary.errors
    io.write(string.format(
        'KINO_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, "non2xx": %d, "non2xx_statuses": "%s", ' ..
        '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, "status_errors": %d, ' ..
        '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
        summary.requests, summary.duration, summary.bytes, non2xx_total, seen,
        e.connect, e.read, e.write, e.timeout, e.status,
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
