package io.rmbsim.cluster;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Which instance runs what must run once: the settlement sequencer, the audit writer and the
 * automatic close. On H2 the database file admits one process, so this one leads from the start.
 * On PostgreSQL any number of instances share the store and the one holding an advisory lock leads;
 * the others serve reads and forward the rest to it ({@link LeaderForwarding}), try for the lock
 * every half second, and the first to get it when the leader dies takes over.
 *
 * <p>A lock alone cannot stop a leader that lost it without noticing (a long pause, a broken
 * connection) from writing once more, so each gain counts up an epoch in {@code cluster_leader} and
 * every transaction of the single writer checks it first ({@link #check}): the old leader's writes
 * then fail instead of interleaving with the new leader's.
 */
@ApplicationScoped
public class Leadership implements Fence {

    private static final Logger LOG = Logger.getLogger(Leadership.class);
    private static final int TRY_EVERY_MS = 500;
    private static final int CHECK_EVERY_MS = 1_000;
    private static final int CHECK_TIMEOUT_MS = 2_000;
    private static final int CLAIM_TIMEOUT_MS = 15_000;
    private static final int RETRY_AFTER_FAILED_TAKE_UP_MS = 5_000;

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Event<LeadershipGained> gained;
    private final Event<LeadershipLost> lost;
    private final boolean shared;
    private final String advertisedUrl;
    private final String jdbcUrl;
    private final Properties connectionProperties;

    /** Step-down requests from writers that found the epoch moved on, and the wake-up at shutdown. */
    private final BlockingQueue<String> signals = new LinkedBlockingQueue<>();
    private volatile boolean leading;
    private volatile long epoch;
    private volatile String leaderUrl;
    private volatile boolean decided;
    private volatile boolean stopping;
    private long notBefore;
    private AdvisoryLock lock;
    private Thread watcher;

    Leadership(AgroalDataSource dataSource, Clock clock, MeterRegistry metrics, Event<LeadershipGained> gained,
            Event<LeadershipLost> lost, Config config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "rmbsim.cluster.advertise-url") Optional<String> advertiseUrl,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.gained = gained;
        this.lost = lost;
        this.shared = DatabaseKind.isPostgreSQL(dbKind);
        this.advertisedUrl = advertiseUrl.filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", ""))
                .orElseGet(() -> "http://" + hostAddress() + ":" + port);
        this.jdbcUrl = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse(null);
        this.connectionProperties = connectionProperties(config);
        metrics.gauge("rmbsim.cluster.leader", this, l -> l.leading ? 1 : 0);
        metrics.gauge("rmbsim.cluster.epoch", this, l -> l.epoch);
    }

    /**
     * After the seed (priority 10), before the HTTP server is ready: a lone instance leads from its
     * first request, as it always did.
     */
    void start(@Observes @Priority(40) StartupEvent event) throws SQLException {
        if (!shared) {
            try (Connection c = dataSource.getConnection()) {
                gain(LeaderRecord.claim(c, advertisedUrl, clock.instant()));
            }
            decided = true;
            return;
        }
        tryToLead();
        decided = true;
        if (!leading) {
            LOG.infof("Following the leader at %s: reads are served here, everything else is forwarded",
                    leaderUrl == null ? "(none yet)" : leaderUrl);
        }
        watcher = new Thread(this::watch, "settlement-leadership");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Hands leadership over at once rather than when the process is gone: what was begun is finished first. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        signals.offer("stopping");
        if (watcher != null) {
            watcher.join(30_000);
        }
        if (leading) {
            stepDown("the service is stopping", true);
        }
        releaseLock();
    }

    // --- what the rest of the service asks --------------------------------------------------------

    /** Whether this instance leads settlement now. */
    public boolean leads() {
        return leading;
    }

    public long epoch() {
        return epoch;
    }

    /** Where this instance answers, as it tells the others. */
    public String advertisedUrl() {
        return advertisedUrl;
    }

    /** Where the leader answers, as last read; empty while none is known. */
    public Optional<String> leaderUrl() {
        return Optional.ofNullable(leading ? advertisedUrl : leaderUrl);
    }

    /**
     * Whether the instance has started contending: before that (loading the seed at start) a
     * follower writes too, and no epoch is checked.
     */
    public boolean decided() {
        return decided;
    }

    /**
     * Reads the epoch FOR SHARE inside the caller's transaction: an instance taking leadership cannot
     * count the epoch up until that transaction ends, and once it has, the transaction sees the new
     * epoch and is refused. H2 has one process and nothing to check.
     */
    @Override
    public void check(Connection transaction) throws SQLException {
        if (!shared) {
            return;
        }
        mayWrite();
        try (PreparedStatement s = transaction.prepareStatement(EPOCH_QUERY); ResultSet rs = s.executeQuery()) {
            verify(rs.next() ? rs.getLong(1) : -1);
        }
    }

    private static final String EPOCH_QUERY = "select epoch from cluster_leader where id = 1 for share";

    /** The epoch read FOR SHARE, as {@link #check} reads it, at the end of the writer's one statement. */
    @Override
    public String query() {
        return shared ? EPOCH_QUERY : null;
    }

    @Override
    public void verify(long current) throws SQLException {
        mayWrite();
        long mine = epoch;
        if (current != mine) {
            signals.offer("epoch " + current + " has replaced this instance's epoch " + mine);
            throw new FencedOut("settlement is led under epoch " + current + " now; this instance (epoch " + mine
                    + ") may not write");
        }
    }

    private void mayWrite() throws FencedOut {
        if (!leading) {
            throw new FencedOut("this instance does not lead settlement");
        }
    }

    // --- contending (the watcher thread, or the start before it runs) ------------------------------

    private void watch() {
        while (!stopping) {
            try {
                if (leading) {
                    String reason = signals.poll(CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
                    if (stopping) {
                        return;
                    }
                    if (reason == null && !lock.alive(CHECK_TIMEOUT_MS)) {
                        reason = "the database session holding the leadership lock is gone";
                    }
                    if (reason != null) {
                        stepDown(reason, false);
                    }
                } else {
                    tryToLead();
                    if (!leading) {
                        signals.poll(TRY_EVERY_MS, TimeUnit.MILLISECONDS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("leadership check failed; trying again", e);
            }
        }
    }

    private void tryToLead() {
        if (System.currentTimeMillis() < notBefore) {
            return;
        }
        try {
            if (lock == null) {
                lock = AdvisoryLock.open(jdbcUrl, connectionProperties);
            }
            if (!lock.tryAcquire()) {
                leaderUrl = LeaderRecord.read(lock.connection()).url();
                return;
            }
            Connection c = lock.connection();
            c.setNetworkTimeout(Runnable::run, CLAIM_TIMEOUT_MS);
            long claimed = LeaderRecord.claim(c, advertisedUrl, clock.instant());
            c.setNetworkTimeout(Runnable::run, 0);
            gain(claimed);
        } catch (SQLException e) {
            LOG.debugf("cannot contend for leadership now: %s", e.getMessage());
            releaseLock();
        }
    }

    private void gain(long newEpoch) {
        signals.clear();
        epoch = newEpoch;
        leaderUrl = advertisedUrl;
        leading = true;
        LOG.infof("Leadership gained (epoch %d): settlement runs on this instance (%s)", newEpoch, advertisedUrl);
        try {
            gained.fire(new LeadershipGained(newEpoch));
        } catch (RuntimeException e) {
            LOG.error("settlement could not be taken up; leadership is given back", e);
            stepDown("taking up settlement failed", false);
            if (!shared) {
                throw e;
            }
            notBefore = System.currentTimeMillis() + RETRY_AFTER_FAILED_TAKE_UP_MS;
        }
    }

    private void stepDown(String reason, boolean orderly) {
        if (!orderly) {
            // nothing more may be written from here, whatever is still running
            leading = false;
        }
        LOG.logf(orderly ? Logger.Level.INFO : Logger.Level.WARN, "Leadership lost (epoch %d): %s", epoch, reason);
        try {
            lost.fire(new LeadershipLost(epoch, orderly));
        } catch (RuntimeException e) {
            LOG.error("stopping settlement after losing leadership failed", e);
        }
        leading = false;
        leaderUrl = null;
        releaseLock();
    }

    private void releaseLock() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    private static Properties connectionProperties(Config config) {
        Properties p = new Properties();
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> p.setProperty("user", u));
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(u -> p.setProperty("password", u));
        String prefix = "quarkus.datasource.jdbc.additional-jdbc-properties.";
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix)) {
                config.getOptionalValue(name, String.class).ifPresent(v -> p.setProperty(name.substring(prefix.length()), v));
            }
        }
        p.setProperty("ApplicationName", "rmbsim-leadership");
        return p;
    }

    private static String hostAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
