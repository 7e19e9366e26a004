-- The CIPS participant directory, onboarding applications and the alliance register.
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE TABLE participant (
    bic               VARCHAR(11)  NOT NULL PRIMARY KEY,
    name              VARCHAR(140) NOT NULL,
    country           CHAR(2)      NOT NULL,
    participation     VARCHAR(8)   NOT NULL,
    settlement_agent  VARCHAR(11)  REFERENCES participant (bic),
    cips_id           VARCHAR(35),
    lei               CHAR(20),
    institution_type  VARCHAR(8)   NOT NULL,
    status            VARCHAR(10)  NOT NULL,
    illustrative      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT participant_participation_ck CHECK (participation IN ('DIRECT', 'INDIRECT')),
    CONSTRAINT participant_status_ck CHECK (status IN ('ACTIVE', 'SUSPENDED', 'TERMINATED')),
    CONSTRAINT participant_agent_ck CHECK ((participation = 'DIRECT' AND settlement_agent IS NULL)
                                        OR (participation = 'INDIRECT' AND settlement_agent IS NOT NULL))
);
CREATE INDEX participant_agent_ix ON participant (settlement_agent);
CREATE INDEX participant_country_ix ON participant (country);

CREATE TABLE onboarding_application (
    id                UUID         NOT NULL PRIMARY KEY,
    bic               VARCHAR(11)  NOT NULL,
    name              VARCHAR(140) NOT NULL,
    country           CHAR(2)      NOT NULL,
    lei               CHAR(20),
    settlement_agent  VARCHAR(11)  NOT NULL REFERENCES participant (bic),
    institution_type  VARCHAR(8)   NOT NULL,
    status            VARCHAR(10)  NOT NULL,
    decision_reason   VARCHAR(500),
    submitted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at        TIMESTAMP WITH TIME ZONE,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT application_status_ck CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED'))
);
CREATE INDEX application_status_ix ON onboarding_application (status, submitted_at);
CREATE INDEX application_bic_ix ON onboarding_application (bic);

CREATE TABLE alliance_member (
    id                UUID         NOT NULL PRIMARY KEY,
    name              VARCHAR(140) NOT NULL,
    category          VARCHAR(8)   NOT NULL,
    country           CHAR(2)      NOT NULL,
    bic               VARCHAR(11),
    lei               CHAR(20),
    joined_on         DATE         NOT NULL,
    left_on           DATE,
    status            VARCHAR(10)  NOT NULL,
    illustrative      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT member_category_ck CHECK (category IN ('BANK', 'TRUST', 'FUND', 'INSURER')),
    CONSTRAINT member_status_ck CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    CONSTRAINT member_left_ck CHECK ((status = 'ACTIVE' AND left_on IS NULL)
                                  OR (status = 'WITHDRAWN' AND left_on IS NOT NULL AND left_on >= joined_on))
);
CREATE INDEX member_status_ix ON alliance_member (status, category);
CREATE INDEX member_dates_ix ON alliance_member (joined_on, left_on);

-- Which seed data sets have been loaded: the primary key makes the load happen once, even when
-- two instances start on one database at the same time.
CREATE TABLE seed_run (
    name              VARCHAR(64)  NOT NULL PRIMARY KEY,
    data_version      INTEGER      NOT NULL,
    loaded_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
