-- A payment's postings are found by their key, not by an index on their UETR (issue 17): that index
-- took a random place in a B-tree for every posting, four per payment at most.
-- A payment's credits (at most two) have ids in a row, and so have its debits: the settlement
-- sequencer numbers a command's credits, then its debits, each payment's together. credits_from and
-- debits_from are the first of each, set when it settles; GET /payments/{uetr}/postings reads
-- "id between credits_from and credits_from + 1 or id between debits_from and debits_from + 1",
-- keeping those with its UETR.
ALTER TABLE payment ADD COLUMN credits_from BIGINT;
ALTER TABLE payment ADD COLUMN debits_from BIGINT;
UPDATE payment SET
    credits_from = (SELECT min(p.id) FROM posting p WHERE p.uetr = payment.uetr AND p.amount > 0),
    debits_from = (SELECT min(p.id) FROM posting p WHERE p.uetr = payment.uetr AND p.amount < 0)
WHERE status = 'SETTLED';
DROP INDEX posting_uetr_ix;
