-- wrk script: POST /api/v1/payments with a unique UETR per request.
--
--   wrk -t2 -c64 -d20s --latency -s bench/payments.lua http://127.0.0.1:8080
--
-- Environment (all optional):
--   BENCH_TOKEN  a bearer token sent with every request (bench/run.sh sets the operator's).
--   BENCH_PAIRS  a Lua file that returns { {"DEBTORBIC", "CREDITORBIC"}, ... }; bench/run.sh writes one
--                from the running service. Without it the seeded pairs below are used.
--   BENCH_NONCE  a number distinguishing this wrk invocation (bench/run.sh passes one per phase); mixed
--                into the seed and into the UETR.
--   BENCH_BULK   n > 0: each request is a pacs.008 document of n transactions (application/xml), answered
--                by a pacs.002; "settled" then counts transactions answered ACSC.
--
-- UETR (UUID v4 layout): cccccccc-tttt-4nnn-yrrr-rrrrrrrrrrrr
--   c = per-thread request counter, t = wrk thread id, n = run nonce, y = variant (8..b), r = random
--   (math.random seeded from os.time, the thread id and the nonce). Counter + thread id make UETRs
--   unique within a run; nonce + 60 random bits keep runs apart.
--
-- done() prints a human summary and one machine-readable line starting with "BENCH_RESULT".

local DIRECT_CN = {
   "HCCBCNBHXXX", "ICBKCNBJXXX", "BKCHCNBJXXX", "PCBCCNBJXXX",
   "ABOCCNBJXXX", "COMMCNSHXXX", "CMBCCNBSXXX", "CIBKCNBJXXX",
}

-- Harbin Bank's Russian indirect participants as seeded (bench/run.sh reads the live list instead).
local RUSSIAN_VIA_HARBIN = {
   "BACBRUB0XXX", "BFRBRUB0XXX", "CSTBRUC0XXX", "EMTBRUE0XXX", "ILMBRUI0XXX", "KAGBRUK0XXX",
   "KRCBRUK0XXX", "KTIBRUK0XXX", "KVCBRUK0XXX", "MEFBRUM0XXX", "MGFBRUM0XXX", "NBSBRUN0XXX",
   "NSCBRUN0XXX", "OIRBRUO0XXX", "PNCBRUS0XXX", "SICBRUS0XXX", "SRGBRUS0XXX", "TSUBRUT0XXX",
   "UBTBRUU0XXX", "UVCBRUU0XXX", "VHSBRUV0XXX", "YNLBRUY0XXX",
}

-- Default pairs: every ordered pair of Chinese directs, and every Russian bank paying every Chinese
-- direct other than Harbin Bank (so the payment crosses CIPS and debits Harbin's CIPS account),
-- interleaved so that both kinds are in flight all the time.
local function default_pairs()
   local direct, russian = {}, {}
   for _, a in ipairs(DIRECT_CN) do
      for _, b in ipairs(DIRECT_CN) do
         if a ~= b then direct[#direct + 1] = { a, b } end
      end
   end
   for _, r in ipairs(RUSSIAN_VIA_HARBIN) do
      for _, b in ipairs(DIRECT_CN) do
         if b ~= "HCCBCNBHXXX" then russian[#russian + 1] = { r, b } end
      end
   end
   local out, n = {}, math.max(#direct, #russian)
   for i = 1, n do
      if direct[i] then out[#out + 1] = direct[i] end
      if russian[i] then out[#out + 1] = russian[i] end
   end
   return out
end

local function load_pairs()
   local file = os.getenv("BENCH_PAIRS")
   if file and file ~= "" then
      local pairs_from_file = dofile(file)
      assert(type(pairs_from_file) == "table" and #pairs_from_file > 0, "BENCH_PAIRS gave no pairs: " .. file)
      return pairs_from_file
   end
   return default_pairs()
end

local NONCE = tonumber(os.getenv("BENCH_NONCE") or "") or 0
local BULK = tonumber(os.getenv("BENCH_BULK") or "") or 0

-- ---------------------------------------------------------------------------------------------
-- main state: number the threads and keep them for done()

local threads = {}

function setup(thread)
   thread:set("tid", #threads + 1)
   threads[#threads + 1] = thread
end

-- ---------------------------------------------------------------------------------------------
-- thread state

local pairs_table
local counter = 0
local next_pair
local headers = BULK > 0 and { ["Content-Type"] = "application/xml", ["Accept"] = "application/xml" }
   or { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
-- the operator token bench/run.sh gets from the demo profile
if os.getenv("BENCH_TOKEN") then headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") end
counts = {}          -- status code (as a string) -> count; read by done() via thread:get
settled_answers = 0  -- answers whose body says "status":"SETTLED"

function init(args)
   tid = tid or 0
   math.randomseed(os.time() + tid * 1000003 + NONCE * 7919)
   -- throw away the first values: LuaJIT's generator is fine, but cheap insurance for close seeds
   for _ = 1, 10 do math.random() end
   pairs_table = load_pairs()
   next_pair = (tid * 7) % #pairs_table -- threads start at different pairs
end

local function hex(n, digits)
   return string.format("%0" .. digits .. "x", n)
end

local function uetr()
   counter = counter + 1
   return hex(counter % 0x100000000, 8) .. "-"
      .. hex(tid % 0x10000, 4) .. "-"
      .. "4" .. hex(NONCE % 0x1000, 3) .. "-"
      .. hex(8 + math.random(0, 3), 1) .. hex(math.random(0, 0xfff), 3) .. "-"
      .. hex(math.random(0, 0xffffff), 6) .. hex(math.random(0, 0xffffff), 6)
end

-- a pacs.008 of BULK transactions, each with its own UETR, pair and amount
local function document()
   local parts = {}
   parts[1] = '<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">'
      .. '<FIToFICstmrCdtTrf><GrpHdr><MsgId>BENCH-' .. tid .. '-' .. counter .. '</MsgId>'
      .. '<CreDtTm>2026-12-03T10:00:00+08:00</CreDtTm><NbOfTxs>' .. BULK .. '</NbOfTxs>'
      .. '<SttlmInf><SttlmMtd>CLRG</SttlmMtd></SttlmInf></GrpHdr>'
   for i = 1, BULK do
      local pair = pairs_table[next_pair + 1]
      next_pair = (next_pair + 1) % #pairs_table
      local id = uetr()
      parts[#parts + 1] = '<CdtTrfTxInf><PmtId><EndToEndId>B' .. counter .. '</EndToEndId><UETR>' .. id
         .. '</UETR></PmtId><IntrBkSttlmAmt Ccy="CNY">' .. math.random(1, 9) .. '.' .. math.random(10, 99)
         .. '</IntrBkSttlmAmt><ChrgBr>SHAR</ChrgBr><DbtrAgt><FinInstnId><BICFI>' .. pair[1]
         .. '</BICFI></FinInstnId></DbtrAgt><CdtrAgt><FinInstnId><BICFI>' .. pair[2]
         .. '</BICFI></FinInstnId></CdtrAgt><Dbtr><Nm>Bench debtor</Nm></Dbtr><Cdtr><Nm>Bench creditor</Nm></Cdtr>'
         .. '</CdtTrfTxInf>'
   end
   parts[#parts + 1] = '</FIToFICstmrCdtTrf></Document>'
   return table.concat(parts)
end

function request()
   if BULK > 0 then
      return wrk.format("POST", "/api/v1/payments", headers, document())
   end
   local pair = pairs_table[next_pair + 1]
   next_pair = (next_pair + 1) % #pairs_table
   local id = uetr()
   local amount = string.format("%d.%02d", math.random(1, 9), math.random(0, 99))
   local body = '{"uetr":"' .. id .. '",'
      .. '"endToEndId":"BENCH-' .. tid .. '-' .. counter .. '",'
      .. '"debtorAgent":"' .. pair[1] .. '",'
      .. '"creditorAgent":"' .. pair[2] .. '",'
      .. '"amount":"' .. amount .. '","currency":"CNY"}'
   return wrk.format("POST", "/api/v1/payments", headers, body)
end

function response(status, resp_headers, body)
   local key = tostring(status)
   counts[key] = (counts[key] or 0) + 1
   if BULK > 0 then
      if status == 200 and body then
         local _, n = string.gsub(body, "<TxSts>ACSC</TxSts>", "")
         settled_answers = settled_answers + n
      end
   elseif status == 201 and body and string.find(body, '"status":"SETTLED"', 1, true) then
      settled_answers = settled_answers + 1
   end
end

-- ---------------------------------------------------------------------------------------------
-- main state again, after the run

function done(summary, latency, requests)
   local by_status, total, ok2xx, non2xx, settled = {}, 0, 0, 0, 0
   for _, thread in ipairs(threads) do
      local c = thread:get("counts") or {}
      for code, n in pairs(c) do
         by_status[code] = (by_status[code] or 0) + n
         total = total + n
         local num = tonumber(code)
         if num >= 200 and num < 300 then ok2xx = ok2xx + n else non2xx = non2xx + n end
      end
      settled = settled + (thread:get("settled_answers") or 0)
   end
   local seconds = summary.duration / 1e6
   local e = summary.errors
   local socket_errors = e.connect + e.read + e.write + e.timeout
   local codes = {}
   for code, n in pairs(by_status) do codes[#codes + 1] = code .. "=" .. n end
   table.sort(codes)

   io.write("---- payments.lua summary ----\n")
   io.write(string.format("responses: %d in %.2f s; by status: %s\n", total, seconds,
      #codes > 0 and table.concat(codes, " ") or "(none)"))
   io.write(string.format("2xx: %d, non-2xx: %d, answered SETTLED (201): %d, settled/s: %.1f\n",
      ok2xx, non2xx, settled, settled / seconds))
   io.write(string.format("latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
   io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
      e.connect, e.read, e.write, e.timeout))
   if non2xx > 0 then
      io.write("WARNING: " .. non2xx .. " non-2xx answers\n")
   end
   io.write(string.format("BENCH_RESULT responses=%d seconds=%.3f ok2xx=%d s201=%d s200=%d non2xx=%d settled=%d"
      .. " settled_per_s=%.1f requests_per_s=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d codes=%s\n",
      total, seconds, ok2xx, by_status["201"] or 0, by_status["200"] or 0, non2xx, settled,
      settled / seconds, total / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      socket_errors, #codes > 0 and table.concat(codes, ",") or "none"))
end
