package io.rmbsim.simulation;

import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.SettlementMode;
import io.rmbsim.settlement.Postings;
import io.rmbsim.settlement.Priority;
import io.rmbsim.settlement.QueueDiscipline;
import io.rmbsim.settlement.SettlementEngine;
import io.rmbsim.settlement.SettlementEvents;
import io.rmbsim.settlement.SettlementMethod;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs a payment stream through the settlement engine in one mode, in memory, day by day. Payments
 * are placed on business days by the live service's calendar ({@link BusinessCalendar#openAt}: during
 * end-of-day processing, at a weekend or on a holiday, the next business day); each business day
 * starts with every account at its given liquidity, takes what arrives before its opening without
 * settling it, opens at its opening ({@link BusinessCalendar#opensAt}: 08:30, or 04:30 after a
 * closure, in phase II) and closes at its close with the engine's {@link SettlementEngine#closeDay}
 * (the mode's last offset, then {@code AM04} for what is still queued). The same engine classes as
 * live settlement; nothing here touches the live ledger.
 */
public final class ModeRunner implements SettlementEvents {

    /** Multilateral offsetting interval in RTGS_LSM, and DNS cycle length (0: end of day only), minutes. */
    public record Options(int lsmIntervalMinutes, int dnsCycleMinutes, QueueDiscipline queueDiscipline) {
        public static final Options DEFAULT = new Options(30, 0, QueueDiscipline.STRICT_FIFO);

        public Options {
            if (queueDiscipline == null) {
                queueDiscipline = QueueDiscipline.STRICT_FIFO;
            }
        }

        public Options(int lsmIntervalMinutes, int dnsCycleMinutes) {
            this(lsmIntervalMinutes, dnsCycleMinutes, QueueDiscipline.STRICT_FIFO);
        }
    }

    /**
     * Hears each payment's outcome as the run decides it, with the business day it belongs to: what a
     * replay of live payments (or a test) compares payment by payment.
     */
    public interface Outcomes {
        void settled(int payment, java.time.LocalDate businessDay, SettlementMethod method);

        void rejected(int payment, java.time.LocalDate businessDay, String reasonCode);

        /** A replayed day's payment was cancelled, as it was live. */
        default void cancelled(int payment) {
        }

        /**
         * What follows happens in a replayed day's live settlement run {@code run} (an offset, a netting
         * cycle, the close), until the next call; 0 outside any, -1 in a periodic offset or cycle of the
         * options, which the live day did not have.
         */
        default void during(long run) {
        }
    }

    private final PaymentStream stream;
    private Outcomes outcomes;
    /** The business day running now, as an epoch day. */
    private long day;
    private final SettlementMode mode;
    private final long[] opening;
    private final Options options;
    private final BusinessCalendar calendar;
    private final Network network;

    private SettlementEngine engine;
    private long clock;
    private long settledCount;
    private long settledValue;
    private long unsettledCount;
    private long unsettledValue;
    /** The close of the business day running now, in epoch seconds: what an unsettled payment waited until. */
    private long dayClose;
    private final DelayHistogram delaySettled = new DelayHistogram();
    private final DelayHistogram delayAll = new DelayHistogram();
    private final WideSum weightedDelay = new WideSum();
    private final WideSum weightedEndOfDayDelay = new WideSum();
    /** Per participant as the debtor: value settled, and its value-weighted delays (for its delay indicator). */
    private final long[] settledValueBy;
    private final WideSum[] weightedDelayBy;
    private final WideSum[] weightedEndOfDayDelayBy;
    private List<Stress.Shock> shocks = List.of();
    private int nextShock;
    /**
     * What each account was given so far in its business day: its opening liquidity, and in a replay
     * the day's liquidity movements. What it used is the most by which its balance fell below that.
     */
    private final long[] funded;
    private final long[] used;
    /** When the next periodic multilateral offset (RTGS_LSM) and netting cycle (DNS) are due, epoch seconds. */
    private long nextLsm;
    private long nextCycle;
    private long bilateral;
    private long multilateral;
    private final int[] countryOf;
    private final java.util.List<String> countries = new java.util.ArrayList<>();
    private long[] corridor;

    public ModeRunner(PaymentStream stream, SettlementMode mode, long[] opening, Options options,
            BusinessCalendar calendar) {
        this.stream = stream;
        this.mode = mode;
        this.opening = opening.clone();
        this.options = options;
        this.calendar = calendar;
        this.network = new Network(stream);
        this.funded = new long[network.accounts()];
        this.settledValueBy = new long[network.accounts()];
        this.weightedDelayBy = new WideSum[network.accounts()];
        this.weightedEndOfDayDelayBy = new WideSum[network.accounts()];
        for (int a = 0; a < network.accounts(); a++) {
            weightedDelayBy[a] = new WideSum();
            weightedEndOfDayDelayBy[a] = new WideSum();
        }
        this.used = new long[network.accounts()];
        if (opening.length != network.accounts()) {
            throw new IllegalArgumentException("one opening balance per participant");
        }
        countryOf = new int[network.accounts()];
        for (int a = 0; a < countryOf.length; a++) {
            String bic = stream.participants().get(a).bic();
            String country = bic.length() >= 6 ? bic.substring(4, 6) : "??";
            int c = countries.indexOf(country);
            if (c < 0) {
                c = countries.size();
                countries.add(country);
            }
            countryOf[a] = c;
        }
        corridor = new long[countries.size() * countries.size()];
    }

    /** Applies these liquidity shocks at their times (each in the business day its time falls in); answers this runner. */
    public ModeRunner shocked(List<Stress.Shock> shocks) {
        this.shocks = shocks.stream().sorted(java.util.Comparator.comparingLong(Stress.Shock::at)).toList();
        return this;
    }

    /** Has {@code outcomes} hear every payment's outcome; answers this runner. */
    public ModeRunner reporting(Outcomes outcomes) {
        this.outcomes = outcomes;
        return this;
    }

    /** Runs the whole stream; {@code progress} hears the number of payments done now and then. */
    public ModeResult run(LongConsumer progress) {
        long started = System.nanoTime();
        int i = 0;
        while (i < stream.size()) {
            day = stream.businessDay(i, calendar);
            dayClose = calendar.closesAt(day);
            int end = stream.dayEnd(i, day, calendar);
            openDay();
            long opensAt = calendar.opensAt(day);
            if (stream.time(i) < opensAt) {
                engine.closeForBusiness();
            }
            periodicFrom(stream.time(i));
            for (; i < end; i++) {
                long t = stream.time(i);
                periodicUntil(t);
                if (!engine.isOpenForBusiness() && t >= opensAt) {
                    clock = opensAt;
                    engine.openForBusiness();
                }
                shocksUntil(t);
                clock = t;
                engine.submit(i, network.party(stream.debtor(i)), network.party(stream.creditor(i)), stream.amount(i),
                        stream.high(i) ? Priority.HIGH : Priority.NORM);
                if ((i & 0xFFFF) == 0) {
                    progress.accept(i);
                }
            }
            if (!engine.isOpenForBusiness()) {
                clock = opensAt;
                engine.openForBusiness();
            }
            // every payment of the day came before it stopped taking payments: the day closes at its close, as a live day does
            shocksUntil(dayClose - 1);
            closeDay(dayClose);
        }
        progress.accept(stream.size());
        return result(started);
    }

    /**
     * Replays a closed live business day ({@code day}, whose stream this runner was made with): its
     * accounts open as the day started, with {@code opening} as their balances, and the engine is given
     * the day's payments and commands in the order the live engine was. The commands follow the mode:
     * the live day's offsets run under RTGS_LSM and DNS (where an offset is the netting), not under
     * plain RTGS, whose payments all settle gross; its netting cycles run in every mode. With
     * {@code liveLiquidity} the accounts start with their live balances ({@code opening}) and the day's
     * liquidity movements are made; otherwise {@code opening} is the whole of the liquidity and the
     * movements are left out. Under RTGS_LSM with the live liquidity and queue discipline, every payment
     * ends as it did live. Periodic offsets and cycles of the options run besides, from the first payment.
     */
    public ModeResult replay(RecordedDay day, boolean liveLiquidity, LongConsumer progress) {
        if (day.stream() != stream) {
            throw new IllegalArgumentException("a runner replays the day it was made with");
        }
        long started = System.nanoTime();
        this.day = day.businessDate().toEpochDay();
        dayClose = day.closedAt();
        engine = new SettlementEngine(mode, this, options.queueDiscipline());
        for (int a = 0; a < day.accounts(); a++) {
            PaymentStream.Participant p = stream.participants().get(a);
            engine.restoreAccount(opening[a], day.creditLine()[a], day.reserved()[a], p.direct() ? -1 : p.agent());
            engine.hold(a, day.held()[a]);
        }
        System.arraycopy(opening, 0, funded, 0, opening.length);
        if (!day.startsOpen()) {
            engine.closeForBusiness();
        }
        int n = stream.size();
        clock = n > 0 ? stream.time(0) : day.closedAt();
        periodicFrom(clock);
        int i = 0;
        boolean closed = false;
        for (RecordedDay.Entry e : day.entries()) {
            for (; i < n && day.seq()[i] <= e.afterSeq(); i++) {
                submitRecorded(day, i);
                if ((i & 0xFFFF) == 0) {
                    progress.accept(i);
                }
            }
            periodicUntil(e.at());
            clock = Math.max(clock, e.at());
            closed |= replay(e, liveLiquidity);
        }
        for (; i < n; i++) {
            submitRecorded(day, i);
        }
        if (!closed) {
            clock = Math.max(clock, dayClose);
            if (!engine.isOpenForBusiness()) {
                engine.openForBusiness();
            }
            closeDay(clock);
        }
        progress.accept(n);
        return result(started);
    }

    private void submitRecorded(RecordedDay day, int i) {
        periodicUntil(stream.time(i));
        clock = Math.max(clock, stream.time(i));
        engine.submit(i, network.party(stream.debtor(i)), network.party(stream.creditor(i)), stream.amount(i),
                stream.high(i) ? Priority.HIGH : Priority.NORM, day.deferred()[i] && mode != SettlementMode.RTGS);
    }

    /** Gives the engine one command of a replayed day; answers whether it closed the day. */
    private boolean replay(RecordedDay.Entry e, boolean liveLiquidity) {
        switch (e.kind()) {
            case LIQUIDITY -> {
                if (liveLiquidity && e.amount() > 0 && engine.credit(e.account(), e.amount())) {
                    funded[e.account()] = Math.addExact(funded[e.account()], e.amount());
                } else if (liveLiquidity && e.amount() < 0 && engine.debit(e.account(), -e.amount())) {
                    funded[e.account()] = Math.addExact(funded[e.account()], e.amount());
                }
            }
            case CREDIT_LINE -> engine.setCreditLine(e.account(), e.amount());
            case RESERVATION -> engine.setReservation(e.account(), e.amount());
            case HOLD -> engine.hold(e.account(), e.flag());
            case CANCEL -> {
                if (e.payment() >= 0 && engine.cancel(e.payment()) && outcomes != null) {
                    outcomes.cancelled(e.payment());
                }
            }
            case OFFSET -> {
                if (mode != SettlementMode.RTGS) {
                    during(e.run());
                    engine.offset();
                    during(0);
                }
            }
            case NET_CYCLE -> {
                during(e.run());
                engine.netCycle();
                during(0);
            }
            case OPEN -> engine.openForBusiness();
            case CLOSE -> {
                during(e.run());
                closeDay(clock);
                during(0);
                return true;
            }
            default -> {
                // the day's start, an account joining, a withdrawal before the day, a restore: nothing for the engine
            }
        }
        return false;
    }

    private ModeResult result(long started) {
        java.math.BigInteger[] delayBy = new java.math.BigInteger[settledValueBy.length];
        java.math.BigInteger[] endOfDayBy = new java.math.BigInteger[settledValueBy.length];
        for (int a = 0; a < delayBy.length; a++) {
            delayBy[a] = weightedDelayBy[a].value();
            endOfDayBy[a] = weightedEndOfDayDelayBy[a].value();
        }
        return new ModeResult(mode, settledCount, settledValue, unsettledCount, unsettledValue, delaySettled.stats(),
                delayAll.stats(), weightedDelay.value(), weightedEndOfDayDelay.value(), used.clone(), bilateral, multilateral,
                corridors(), new ModeResult.ByParticipant(settledValueBy.clone(), delayBy, endOfDayBy),
                System.nanoTime() - started);
    }

    /** The periodic offsets and cycles of the options start {@code from} then. */
    private void periodicFrom(long from) {
        nextLsm = mode == SettlementMode.RTGS_LSM && options.lsmIntervalMinutes() > 0
                ? from + options.lsmIntervalMinutes() * 60L : Long.MAX_VALUE;
        nextCycle = mode == SettlementMode.DNS && options.dnsCycleMinutes() > 0
                ? from + options.dnsCycleMinutes() * 60L : Long.MAX_VALUE;
    }

    /** Runs the periodic multilateral offsets (RTGS_LSM) and netting cycles (DNS) due by {@code t}. */
    private void periodicUntil(long t) {
        while (t >= nextLsm) {
            clock = Math.max(clock, nextLsm);
            during(-1);
            engine.multilateralOffset();
            during(0);
            nextLsm += options.lsmIntervalMinutes() * 60L;
        }
        while (t >= nextCycle) {
            clock = Math.max(clock, nextCycle);
            during(-1);
            engine.offset();
            during(0);
            nextCycle += options.dnsCycleMinutes() * 60L;
        }
    }

    private void during(long run) {
        if (outcomes != null) {
            outcomes.during(run);
        }
    }

    /**
     * The shocks due by {@code t} that fall in the business day running now: that share of each
     * shocked account's balance leaves it (no more than it can give). A shock belongs to the business
     * day its time falls in (as a payment does): before that day's first payment it hits once the
     * accounts are opened; a day without payments is not run, and its shocks hit nothing.
     */
    private void shocksUntil(long t) {
        while (nextShock < shocks.size() && shocks.get(nextShock).at() <= t) {
            Stress.Shock shock = shocks.get(nextShock++);
            if (calendar.openAt(shock.at()) != day) {
                continue; // its business day had no payments: there is no day to hit
            }
            clock = Math.max(clock, shock.at());
            for (int a = 0; a < opening.length; a++) {
                if (shock.account() < 0 || shock.account() == a) {
                    long leaves = new java.math.BigDecimal(engine.balance(a)).multiply(shock.fraction())
                            .setScale(0, java.math.RoundingMode.DOWN).longValueExact();
                    leaves = Math.min(leaves, engine.withdrawable(a));
                    if (leaves > 0) {
                        engine.debit(a, leaves);
                    }
                }
            }
        }
    }

    private java.util.Map<String, Long> corridors() {
        java.util.Map<String, Long> m = new java.util.TreeMap<>();
        int n = countries.size();
        for (int i = 0; i < corridor.length; i++) {
            if (corridor[i] != 0) {
                m.put(countries.get(i / n) + "-" + countries.get(i % n), corridor[i]);
            }
        }
        return m;
    }

    private void openDay() {
        engine = new SettlementEngine(mode, this, options.queueDiscipline());
        engine.openAccounts(opening, network.agents());
        System.arraycopy(opening, 0, funded, 0, opening.length);
    }

    private void closeDay(long end) {
        clock = end;
        engine.closeDay();
        bilateral += engine.bilateralSetsSettled();
        multilateral += engine.multilateralSetsSettled();
    }

    @Override
    public void settled(long ref, SettlementMethod method, Postings postings) {
        int i = (int) ref;
        long v = stream.amount(i);
        settledCount++;
        settledValue = Math.addExact(settledValue, v);
        settledValueBy[stream.debtor(i)] += v;
        int c = countryOf[stream.debtor(i)] * countries.size() + countryOf[stream.creditor(i)];
        corridor[c] = Math.addExact(corridor[c], v);
        long delay = clock - stream.intended(i);
        delaySettled.add(delay);
        counted(i, v, delay);
        for (int p = 0; p < postings.size(); p++) {
            if (postings.isDebit(p)) {
                low(postings.account(p));
            }
        }
        if (outcomes != null) {
            outcomes.settled(i, java.time.LocalDate.ofEpochDay(day), method);
        }
    }

    /** A payment's delay in the all-payments measures, and what the end of its day would have given it. */
    private void counted(int i, long value, long delay) {
        delayAll.add(delay);
        weightedDelay.add(value, delay);
        weightedEndOfDayDelay.add(value, dayClose - stream.intended(i));
        int debtor = stream.debtor(i);
        weightedDelayBy[debtor].add(value, delay);
        weightedEndOfDayDelayBy[debtor].add(value, dayClose - stream.intended(i));
    }

    private void low(int account) {
        long below = Math.subtractExact(funded[account], engine.balance(account));
        if (below > used[account]) {
            used[account] = below;
        }
    }

    @Override
    public void queued(long ref, Postings postings) {
    }

    @Override
    public void rejected(long ref, String reasonCode) {
        unsettledCount++;
        int i = (int) ref;
        long v = stream.amount(i);
        unsettledValue = Math.addExact(unsettledValue, v);
        // unsettled: it waited until the end of its day (at least), whenever it was given up
        counted(i, v, dayClose - stream.intended(i));
        if (outcomes != null) {
            outcomes.rejected((int) ref, java.time.LocalDate.ofEpochDay(day), reasonCode);
        }
    }
}
