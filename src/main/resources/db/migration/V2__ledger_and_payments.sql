-- Settlement accounts, payments, postings and business days.
-- Amounts are BIGINT fen (minor units of CNY); never a floating point.

-- One settlement account per participant: a DIRECT participant's account at CIPS, an INDIRECT
-- participant's account on the books of its settlement agent.
CREATE TABLE settlement_account (
    bic               VARCHAR(11)  NOT NULL PRIMARY KEY REFERENCES participant (bic),
    held_at           VARCHAR(11)  NOT NULL,
    balance           BIGINT       NOT NULL DEFAULT 0,
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_balance_ck CHECK (balance >= 0)
);

INSERT INTO settlement_account (bic, held_at, balance, opened_at)
SELECT bic, CASE WHEN participation = 'DIRECT' THEN 'CIPS' ELSE settlement_agent END, 0, created_at
FROM participant;

CREATE TABLE business_day (
    business_date     DATE         NOT NULL PRIMARY KEY,
    state             VARCHAR(6)   NOT NULL,
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT day_state_ck CHECK (state IN ('OPEN', 'CLOSED'))
);

-- A customer credit transfer as accepted, with the accounts its postings debit and credit.
CREATE TABLE payment (
    uetr              UUID         NOT NULL PRIMARY KEY,
    seq               BIGINT       NOT NULL UNIQUE,
    end_to_end_id     VARCHAR(35)  NOT NULL,
    debtor_agent      VARCHAR(11)  NOT NULL,
    creditor_agent    VARCHAR(11)  NOT NULL,
    amount            BIGINT       NOT NULL,
    currency          CHAR(3)      NOT NULL,
    priority          VARCHAR(4)   NOT NULL,
    debtor_name       VARCHAR(140),
    debtor_account    VARCHAR(34),
    creditor_name     VARCHAR(140),
    creditor_account  VARCHAR(34),
    purpose           VARCHAR(35),
    remittance_info   VARCHAR(140),
    status            VARCHAR(9)   NOT NULL,
    reason_code       VARCHAR(4),
    reason            VARCHAR(200),
    settlement_method VARCHAR(19),
    business_date     DATE         NOT NULL,
    accepted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_at        TIMESTAMP WITH TIME ZONE,
    route             VARCHAR(200) NOT NULL,
    debit1            VARCHAR(11),
    debit2            VARCHAR(11),
    credit1           VARCHAR(11),
    credit2           VARCHAR(11),
    CONSTRAINT payment_status_ck CHECK (status IN ('QUEUED', 'SETTLED', 'REJECTED', 'CANCELLED')),
    CONSTRAINT payment_amount_ck CHECK (amount > 0)
);
CREATE INDEX payment_status_ix ON payment (status, priority, seq);
CREATE INDEX payment_debtor_ix ON payment (debtor_agent, business_date);
CREATE INDEX payment_creditor_ix ON payment (creditor_agent, business_date);
CREATE INDEX payment_day_ix ON payment (business_date);

-- The ledger: one row per account movement, double-entry per payment (its debits equal its credits
-- at the interbank level; see the contract's postings rule) and per liquidity movement.
CREATE TABLE posting (
    id                BIGINT       NOT NULL PRIMARY KEY,
    account_bic       VARCHAR(11)  NOT NULL REFERENCES settlement_account (bic),
    business_date     DATE         NOT NULL,
    amount            BIGINT       NOT NULL,
    balance_after     BIGINT       NOT NULL,
    kind              VARCHAR(13)  NOT NULL,
    uetr              UUID,
    reference         VARCHAR(35),
    counterparty      VARCHAR(11),
    posted_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT posting_kind_ck CHECK (kind IN ('PAYMENT', 'LIQUIDITY_IN', 'LIQUIDITY_OUT')),
    CONSTRAINT posting_amount_ck CHECK (amount <> 0),
    CONSTRAINT posting_balance_ck CHECK (balance_after >= 0)
);
CREATE INDEX posting_account_ix ON posting (account_bic, id);
CREATE INDEX posting_day_ix ON posting (account_bic, business_date, id);
CREATE INDEX posting_uetr_ix ON posting (uetr);
