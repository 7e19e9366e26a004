-- Deferred net settlement beside RTGS (contract 1.1): a payment asks for RTGS (gross, the default) or
-- DNS (netted at the next cycle); a netting cycle is a settlement run of kind NET_CYCLE, which also
-- counts what it carried over to the next cycle.
ALTER TABLE payment ADD COLUMN settlement VARCHAR(4) DEFAULT 'RTGS' NOT NULL;
ALTER TABLE settlement_run ADD COLUMN carried_count BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE settlement_run ADD COLUMN carried_value BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX settlement_run_day_ix ON settlement_run (business_date, kind, id);
