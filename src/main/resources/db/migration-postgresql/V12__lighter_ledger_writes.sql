-- Fewer index entries and checks per payment written (issue 17). A bulk write of 2,900 payments in one
-- statement as the journal sends it, on PostgreSQL 15: 345 ms before, 150 to 215 ms with this and V13
-- (bench/README.md, "Third round").
-- PostgreSQL's own part of V12; H2's is db/migration-h2/V12__lighter_ledger_writes.sql.

-- A posting names an account the settlement engine holds: the engine posts only to the accounts it
-- loaded from settlement_account or opened there itself, in the same journal. The foreign key checked
-- that again for every posting, as a query and a row lock on the account (a sixth to a third of a
-- bulk write, measured with and without it).
-- Accounts are never deleted. ConcurrentSettlementTest checks that every posting names an account.
ALTER TABLE posting DROP CONSTRAINT posting_account_bic_fkey;

-- An account's postings in id order are in (business_date, id) order: ids grow with the business
-- day, which only moves forward. posting_day_ix serves both, so posting_account_ix goes.
DROP INDEX posting_account_ix;

-- Returns and settlement runs are found by their key; nearly every payment has neither.
-- "return_of = ?" and "settlement_run = ?" imply "is not null", so the partial indexes serve them.
DROP INDEX payment_return_of_ix;
CREATE INDEX payment_return_of_ix ON payment (return_of) WHERE return_of IS NOT NULL;
DROP INDEX payment_run_ix;
CREATE INDEX payment_run_ix ON payment (settlement_run, seq) WHERE settlement_run IS NOT NULL;
