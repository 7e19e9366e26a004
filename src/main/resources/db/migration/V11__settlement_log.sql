-- The live day's log (contract 1.1, replay of a live business day): every command the settlement
-- sequencer gave the engine besides a payment, in order, with the last payment (seq) taken before it;
-- and, when a business day starts, its accounts as the engine holds them. With the day's payments it
-- is the whole input of that day, which a simulation replays. Written by the sequencer alone, in the
-- batch that carried the command. Kinds and what each column holds: io.rmbsim.settlement.DayLog.
CREATE TABLE settlement_log (
    id                BIGINT       NOT NULL PRIMARY KEY,
    business_date     DATE         NOT NULL,
    after_seq         BIGINT       NOT NULL,
    logged_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    kind              VARCHAR(12)  NOT NULL,
    bic               VARCHAR(11),
    agent             VARCHAR(11),
    amount            BIGINT,
    credit_line       BIGINT,
    reserved          BIGINT,
    flag              BOOLEAN,
    payment_seq       BIGINT,
    settlement_run    BIGINT,
    discipline        VARCHAR(12)
);
CREATE INDEX settlement_log_day_ix ON settlement_log (business_date, id);
