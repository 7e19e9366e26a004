-- Two-tier settlement (contract 1.1): an indirect participant's account on its agent's books may go
-- below zero down to the intraday credit line its agent grants; a CIPS account never does, and part
-- of its balance may be reserved for HIGH payments. The engine enforces the rules; these checks are
-- the store's last word on what a row may hold (no lists of constants: see V6).

ALTER TABLE settlement_account ADD COLUMN credit_line BIGINT NOT NULL DEFAULT 0;
ALTER TABLE settlement_account ADD COLUMN reserved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE settlement_account DROP CONSTRAINT account_balance_ck;
ALTER TABLE settlement_account ADD CONSTRAINT account_balance_ck CHECK (balance + credit_line >= 0);
ALTER TABLE settlement_account ADD CONSTRAINT account_credit_line_ck CHECK (credit_line >= 0);
ALTER TABLE settlement_account ADD CONSTRAINT account_reserved_ck CHECK (reserved >= 0);

-- a posting on an indirect account may leave it below zero, within its credit line
ALTER TABLE posting DROP CONSTRAINT posting_balance_ck;

-- Where a queued payment waits: NULL while it waits for cover at its agent (an indirect debtor's
-- payment), else its position in the queue of the paying agent's CIPS account (its amount earmarked
-- at the agent when the debtor is indirect), as the engine gave it. A restart puts it back there.
ALTER TABLE payment ADD COLUMN cips_position BIGINT;

-- A payment queued before this version waited at CIPS when its debtor was DIRECT (at its place by
-- arrival); an indirect debtor's waits for cover at its agent again, and is earmarked once covered.
UPDATE payment SET cips_position = seq
WHERE status = 'QUEUED' AND debit2 IS NULL
  AND debit1 IN (SELECT bic FROM settlement_account WHERE held_at = 'CIPS');
