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
    private final long[] lowest;
    private final long[] used;
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
        this.lowest = new long[network.accounts()];
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
            long nextLsm = stream.time(i) + options.lsmIntervalMinutes() * 60L;
            long nextCycle = options.dnsCycleMinutes() > 0 ? stream.time(i) + options.dnsCycleMinutes() * 60L : Long.MAX_VALUE;
            for (; i < end; i++) {
                long t = stream.time(i);
                if (mode == SettlementMode.RTGS_LSM && options.lsmIntervalMinutes() > 0) {
                    while (t >= nextLsm) {
                        clock = nextLsm;
                        engine.multilateralOffset();
                        nextLsm += options.lsmIntervalMinutes() * 60L;
                    }
                }
                if (mode == SettlementMode.DNS) {
                    while (t >= nextCycle) {
                        clock = nextCycle;
                        engine.offset();
                        nextCycle += options.dnsCycleMinutes() * 60L;
                    }
                }
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
        System.arraycopy(opening, 0, lowest, 0, opening.length);
    }

    private void closeDay(long end) {
        clock = end;
        engine.closeDay();
        bilateral += engine.bilateralSetsSettled();
        multilateral += engine.multilateralSetsSettled();
        for (int a = 0; a < opening.length; a++) {
            used[a] = Math.max(used[a], Math.subtractExact(opening[a], lowest[a]));
        }
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
        long b = engine.balance(account);
        if (b < lowest[account]) {
            lowest[account] = b;
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
