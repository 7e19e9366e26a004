-- Which instance leads settlement (runs the sequencer, the audit writer and the automatic close),
-- and under which epoch. The epoch is the fencing token: an instance that gains leadership counts
-- it up, and every write of the single writer first reads it (FOR SHARE) and gives up when it is
-- not its own, so an instance that lost leadership without noticing can never write again.
CREATE TABLE cluster_leader (
    id                INTEGER      NOT NULL PRIMARY KEY,
    epoch             BIGINT       NOT NULL,
    leader_url        VARCHAR(500),
    since             TIMESTAMP WITH TIME ZONE,
    CONSTRAINT cluster_leader_one_row_ck CHECK (id = 1)
);

INSERT INTO cluster_leader (id, epoch) VALUES (1, 0);
