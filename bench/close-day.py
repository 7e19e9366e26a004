#!/usr/bin/env python3
"""Day-close benchmark: how long closing a business day with a long queue takes, and how long a
payment sent meanwhile waits. See bench/README.md ("Closing a day with a long queue").

  bench/close-day.sh                  # builds, starts the packaged service on H2, runs this
  python3 bench/close-day.py URL TOKEN QUEUED

It queues QUEUED payments (pacs.008 documents of 1,000 transactions from a Russian bank that has no
funds, through Harbin Bank), then keeps one client paying between two funded Chinese banks while it
closes the day, and prints the close's duration and the slowest payment answered meanwhile.
"""
import json
import random
import string
import sys
import threading
import time
import urllib.request
import uuid

URL, TOKEN, QUEUED = sys.argv[1], sys.argv[2], int(sys.argv[3])
HARBIN = "HCCBCNBHXXX"


def call(method, path, body=None, content_type="application/json", accept="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(URL + path, data=data, method=method, headers={
        "Authorization": "Bearer " + TOKEN, "Content-Type": content_type, "Accept": accept})
    with urllib.request.urlopen(req, timeout=600) as r:
        raw = r.read()
        return r.status, (json.loads(raw) if accept == "application/json" and raw else raw)


def new_bank(country, participation, agent=None):
    bic = "".join(random.choice(string.ascii_uppercase) for _ in range(4)) + country + "B0XXX"
    body = {"bic": bic, "name": "Bench " + bic, "country": country, "participation": participation,
            "institutionType": "BANK"}
    if agent:
        body["settlementAgent"] = agent
    call("POST", "/api/v1/participants", body)
    return bic


def tx(sender, receiver):
    u = str(uuid.uuid4())
    return ("<CdtTrfTxInf><PmtId><InstrId>I-%s</InstrId><EndToEndId>E-%s</EndToEndId><UETR>%s</UETR></PmtId>"
            "<IntrBkSttlmAmt Ccy=\"CNY\">1000.00</IntrBkSttlmAmt><ChrgBr>SHAR</ChrgBr>"
            "<DbtrAgt><FinInstnId><BICFI>%s</BICFI></FinInstnId></DbtrAgt>"
            "<CdtrAgt><FinInstnId><BICFI>%s</BICFI></FinInstnId></CdtrAgt></CdtTrfTxInf>") % (u[:8], u[:8], u, sender, receiver)


def document(n, sender, receiver, i):
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\">"
            "<FIToFICstmrCdtTrf><GrpHdr><MsgId>CLOSE-BENCH-%d-%s</MsgId><CreDtTm>2021-06-30T10:00:00+08:00</CreDtTm>"
            "<NbOfTxs>%d</NbOfTxs><SttlmInf><SttlmMtd>CLRG</SttlmMtd></SttlmInf></GrpHdr>%s</FIToFICstmrCdtTrf></Document>"
            % (i, uuid.uuid4().hex[:8], n, "".join(tx(sender, receiver) for _ in range(n)))).encode()


russian = new_bank("RU", "INDIRECT", HARBIN)
chinese = new_bank("CN", "DIRECT")
payer, payee = new_bank("CN", "DIRECT"), new_bank("CN", "DIRECT")
call("POST", "/api/v1/accounts/%s/liquidity" % payer, {"direction": "IN", "amount": "900000000.00", "currency": "CNY"})

start = time.monotonic()
sent = 0
while sent < QUEUED:
    n = min(1000, QUEUED - sent)
    call("POST", "/api/v1/payments", document(n, russian, chinese, sent), "application/xml", "application/xml")
    sent += n
print("queued %d payments in %.1f s" % (sent, time.monotonic() - start))
_, day = call("GET", "/api/v1/settlement/day")
print("queue before the close: %s payments, %s CNY" % (day["queue"]["count"], day["queue"]["value"]))

latencies = []
stop = threading.Event()


def probe():
    while not stop.is_set():
        t0 = time.monotonic()
        status, body = call("POST", "/api/v1/payments", {"uetr": str(uuid.uuid4()), "endToEndId": "PROBE",
                            "debtorAgent": payer, "creditorAgent": payee, "amount": "1.00", "currency": "CNY"})
        latencies.append((t0, time.monotonic() - t0, body["status"]))


thread = threading.Thread(target=probe)
thread.start()
time.sleep(2)  # the probe's steady state before the close
t0 = time.monotonic()
_, close = call("POST", "/api/v1/settlement/day/close")
t1 = time.monotonic()
# a long queue's rejections are written a chunk per batch after the close answers: wait until the store has them all
while call("GET", "/api/v1/payments?status=QUEUED&size=1")[1]["total"] > 0 and time.monotonic() - t1 < 600:
    time.sleep(0.2)
t2 = time.monotonic()
time.sleep(1)
stop.set()
thread.join()
during = [l for (t, l, _) in latencies if t + l >= t0 and t <= t1]
writing = [l for (t, l, _) in latencies if t + l >= t1 and t <= t2]
before = sorted(l for (t, l, _) in latencies if t + l < t0)
print("close: %.2f s, rejected %s (answer %d bytes)" % (t1 - t0, close["rejected"], len(json.dumps(close))))
print("every rejection in the store %.2f s after the close answered" % (t2 - t1))
print("probe payments before the close: %d, median %.1f ms" % (len(before), 1000 * before[len(before) // 2] if before else 0))
print("probe payments overlapping the close: %d, slowest %.2f s" % (len(during), max(during) if during else 0))
print("probe payments while the rejections were written: %d, slowest %.2f s" % (len(writing), max(writing) if writing else 0))
print("all probe payments settled: %s" % all(s == "SETTLED" for (_, _, s) in latencies))
