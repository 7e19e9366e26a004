-- The audit trail: one row per state-changing request, append-only and hash-chained: each row's
-- hash covers its content and the previous row's hash, so that changing or removing a row breaks
-- the chain from there on.
CREATE TABLE audit_entry (
    seq               BIGINT       NOT NULL PRIMARY KEY,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    actor             VARCHAR(140) NOT NULL,
    actor_role        VARCHAR(20),
    actor_bic         VARCHAR(11),
    method            VARCHAR(10)  NOT NULL,
    path              VARCHAR(500) NOT NULL,
    status            INTEGER      NOT NULL,
    outcome           VARCHAR(10)  NOT NULL,
    resource          VARCHAR(500),
    prev_hash         CHAR(64)     NOT NULL,
    hash              CHAR(64)     NOT NULL
);
