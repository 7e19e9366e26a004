-- Fewer index entries per payment written (issue 17). H2's part of V12; PostgreSQL's is
-- db/migration-postgresql/V12__lighter_ledger_writes.sql, which says more.

-- An account's postings in id order are in (business_date, id) order: ids grow with the business
-- day, which only moves forward. posting_day_ix serves both, so posting_account_ix goes.
-- (H2 has no partial indexes, and its foreign key check is a lookup without a lock: both stay.)
DROP INDEX posting_account_ix;
