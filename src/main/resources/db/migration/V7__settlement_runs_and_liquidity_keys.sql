-- What one run of the liquidity-saving mechanism, or one day close, settled and rejected: its answer
-- gives the counts, the value and a first page; the rest is paged from the payments that name it.
CREATE TABLE settlement_run (
    id                BIGINT       NOT NULL PRIMARY KEY,
    kind              VARCHAR(9)   NOT NULL, -- OFFSET or DAY_CLOSE, written by the settlement sequencer alone
    business_date     DATE         NOT NULL,
    ran_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_count     BIGINT       NOT NULL,
    settled_value     BIGINT       NOT NULL,
    bilateral_count   BIGINT       NOT NULL,
    multilateral_count BIGINT      NOT NULL,
    rejected_count    BIGINT       NOT NULL,
    rejected_value    BIGINT       NOT NULL
);

ALTER TABLE payment ADD COLUMN settlement_run BIGINT;
CREATE INDEX payment_run_ix ON payment (settlement_run, seq);

-- A liquidity movement a client may retry: the same Idempotency-Key on the same account answers the
-- first outcome and moves nothing again. Refused movements change nothing and are not kept.
CREATE TABLE liquidity_move (
    account_bic       VARCHAR(11)  NOT NULL REFERENCES settlement_account (bic),
    idempotency_key   VARCHAR(64)  NOT NULL,
    direction         VARCHAR(3)   NOT NULL,
    amount            BIGINT       NOT NULL,
    reference         VARCHAR(35),
    posting_id        BIGINT       NOT NULL,
    moved_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_bic, idempotency_key)
);
