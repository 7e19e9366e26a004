-- H2 drops the foreign key posting.account_bic -> settlement_account as PostgreSQL did at V12
-- (issue 17). H2 kept an index of its own for it (account_bic, then its row key), beside
-- posting_day_ix, which begins with the same column: one index entry more per posting, and a lookup
-- in settlement_account per posting. The engine posts only to the accounts it holds;
-- ConcurrentSettlementTest checks in the store that every posting names an account, on both stores.
-- The constraint's name was generated (CONSTRAINT_*): it is read from the information schema.
-- Dropping the constraint drops the index H2 made for it.
EXECUTE IMMEDIATE (SELECT 'ALTER TABLE posting DROP CONSTRAINT ' || QUOTE_IDENT(constraint_name)
                   FROM information_schema.table_constraints
                   WHERE table_name = 'posting' AND constraint_type = 'FOREIGN KEY');
