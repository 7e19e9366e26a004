-- Simulation runs and their reports (the report as JSON text), so that they survive a restart and a
-- takeover. Only runs in progress are held in memory; the service keeps the latest finished runs up
-- to simulation.retained-runs-per-owner and simulation.retained-runs (oldest finished first out).
-- status: RUNNING, DONE or FAILED, written by the service alone (no CHECK with IN: H2 2.4.240 evaluates
-- those wrongly, issue 12).
CREATE TABLE simulation_run (
    id                UUID          NOT NULL PRIMARY KEY,
    owner             VARCHAR(500)  NOT NULL,
    scenario          VARCHAR(40)   NOT NULL,
    status            VARCHAR(10)   NOT NULL,
    progress          NUMERIC(4, 3) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE,
    error             VARCHAR(1000),
    report            TEXT
);

CREATE INDEX simulation_run_owner_ix ON simulation_run (owner, created_at);
CREATE INDEX simulation_run_finished_ix ON simulation_run (status, finished_at);
