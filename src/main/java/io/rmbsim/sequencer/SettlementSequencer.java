package io.rmbsim.sequencer;

import io.agroal.api.AgroalDataSource;
import io.rmbsim.money.Money;
import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.PaymentOrder;
import io.rmbsim.settlement.Refusal;
import io.rmbsim.settlement.SettlementEngine;
import io.rmbsim.settlement.SettlementRefused;
import io.rmbsim.settlement.SettlementUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Live settlement as its clients see it: payments, liquidity, cancel, offset and day close, each
 * handed to the {@link SingleWriter} (one thread, group commit; why is told there) and answered once
 * it is durable. The writer runs only on the instance that leads settlement
 * ({@link SequencerLifecycle}); elsewhere these calls fail with a 503.
 *
 * <p>The jobs around it: {@link Deduplication} (a payment or liquidity movement is never carried
 * out twice), {@link SettlementMetrics}, {@link ParticipantFeed} (directory changes).
 */
@ApplicationScoped
public class SettlementSequencer {

    /** ISO 20022 DUPL: the same key was used for something else. */
    private static final String DUPLICATE = "DUPL";

    private final SingleWriter writer;
    private final AgroalDataSource dataSource;
    private final Clock clock;

    SettlementSequencer(SingleWriter writer, AgroalDataSource dataSource, Clock clock) {
        this.writer = writer;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * The outcome of a payment submission; {@code refusal}, when set, says why settlement could not
     * take it now (it would pass the engine's capacity, AM13): nothing of it was kept.
     */
    /**
     * A submission's answer: the payment as it stands, whether this submission created it, whether the
     * UETR was used before for different content, or why it was refused and not kept ({@code refusedAs}
     * says how: beyond capacity, or a return whose original is unknown or does not allow it).
     */
    public record Submission(PaymentSnapshot payment, boolean created, boolean conflicting, Refusal refusal,
            SettlementRefused.Kind refusedAs) {

        /** This submission's answer, unless it was refused: then the refusal, as settlement's exception. */
        public Submission orRefuse() {
            if (refusal != null) {
                throw new SettlementRefused(refusedAs, refusal);
            }
            return this;
        }
    }

    public Submission submit(PaymentOrder order) {
        return writer.call(Command.payment(order));
    }

    /**
     * The same without holding a thread while the batch is written: the answer completes (on a
     * responder thread, never the sequencer's) once the payment is durable.
     */
    public CompletableFuture<Submission> submitAsync(PaymentOrder order) {
        Command<Submission> command = Command.payment(order);
        writer.offer(command);
        return command.answerLater();
    }

    /**
     * Submits the payments of one document at once (a pacs.008 with many transactions): one command,
     * so they are taken in one batch, in their order, and written in one transaction.
     */
    public List<Submission> submitAll(List<PaymentOrder> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        return writer.call(Command.payments(orders));
    }

    /** A liquidity movement asked for; {@code idempotencyKey} (optional) makes a retry answer the first outcome. */
    public record LiquidityRequest(String account, boolean in, long amount, String reference, String idempotencyKey) {
    }

    /**
     * Moves liquidity; answers whether it was a retry of a movement already made under the same
     * idempotency key (which then moved nothing again). Refusals change nothing.
     */
    public boolean liquidity(LiquidityRequest request) {
        Deduplication.LiquidityAnswer answer = writer.call(Command.liquidity(request));
        String amount = Money.format(request.amount());
        return switch (answer) {
            case MOVED -> false;
            case REPLAYED -> true;
            case KEY_REUSED -> throw new SettlementRefused(SettlementRefused.Kind.CONFLICT, new Refusal(DUPLICATE,
                    "Idempotency-Key " + request.idempotencyKey() + " was already used on account " + request.account()
                    + " for a different liquidity movement"));
            case BEYOND_BALANCE -> throw new SettlementRefused(SettlementRefused.Kind.CONFLICT, new Refusal(
                    SettlementEngine.INSUFFICIENT_FUNDS, "OUT of " + amount + " exceeds what account " + request.account()
                    + " can give: its balance, less its reservation for HIGH payments on a CIPS account, and no more "
                    + "than leaves its earmarked payments covered on an indirect participant's account"));
            case EXCEEDS_CAPACITY -> throw new SettlementRefused(SettlementRefused.Kind.BEYOND_CAPACITY, new Refusal(
                    SettlementEngine.EXCEEDS_CAPACITY, "moving " + amount + " CNY in would take what settlement holds "
                    + "(balances plus queued debits and credits) past its capacity of "
                    + Money.format(SettlementEngine.CAPACITY) + " CNY; nothing was moved"));
        };
    }

    /**
     * Sets the intraday credit line an agent grants on an INDIRECT participant's account ({@code 0}
     * removes it): the balance may then go down to minus the line. Refused (409) on a CIPS account,
     * and below what is used of it now; a higher line may release what waits there.
     */
    public void creditLine(String account, long line) {
        SettlementEngine.CreditLineChange change = writer.call(Command.on(l -> l.account(account).indirect()
                ? l.creditLine(account, line) : null));
        if (change == null) {
            throw new SettlementRefused(SettlementRefused.Kind.CONFLICT, new Refusal(NOT_ALLOWED, "account " + account
                    + " is a CIPS account, which is never negative: credit lines are granted on the accounts of indirect "
                    + "participants at their agent"));
        }
        switch (change) {
            case SET -> {
            }
            case BELOW_USE -> throw new SettlementRefused(SettlementRefused.Kind.CONFLICT, new Refusal(
                    SettlementEngine.INSUFFICIENT_FUNDS, "a credit line of " + Money.format(line) + " on account "
                    + account + " is below what is used of it now (its earmarks less its balance); nothing changed"));
            case EXCEEDS_CAPACITY -> throw new SettlementRefused(SettlementRefused.Kind.BEYOND_CAPACITY, new Refusal(
                    SettlementEngine.EXCEEDS_CAPACITY, "a credit line of " + Money.format(line) + " CNY would take what "
                    + "settlement holds past its capacity of " + Money.format(SettlementEngine.CAPACITY) + " CNY"));
        }
    }

    /**
     * Sets aside {@code amount} of a CIPS account's balance for HIGH payments: a NORM payment needs
     * cover above it, and liquidity cannot leave from it. Refused (409) on an indirect participant's account.
     */
    public void reservation(String account, long amount) {
        Boolean done = writer.call(Command.on(l -> {
            if (l.account(account).indirect()) {
                return false;
            }
            l.reservation(account, amount);
            return true;
        }));
        if (!done) {
            throw new SettlementRefused(SettlementRefused.Kind.CONFLICT, new Refusal(NOT_ALLOWED, "account " + account
                    + " is an indirect participant's account at its agent: reservations are made on CIPS accounts"));
        }
    }

    /** ISO 20022 NARR: the reason is in the text (the action does not fit this kind of account). */
    private static final String NOT_ALLOWED = "NARR";

    /**
     * Why live settlement cannot write now (readiness is DOWN): the last write of the journal failed,
     * or settlement stopped because its state could not be read back. Null when it is well.
     */
    public String failure() {
        return writer.failure();
    }

    /** Cancels a queued payment; answers it, or null when it is not queued. */
    public PaymentSnapshot cancel(UUID uetr) {
        PaymentRow row = writer.call(Command.on(l -> l.cancel(uetr)));
        return row == null ? null : row.snapshot();
    }

    /** What an offset or a day close did: its run, and the first of the payments it settled, in acceptance order. */
    public record RunAnswer(SettlementRun run, List<PaymentSnapshot> firstSettled) {
    }

    /** An offset's or a day close's totals as committed. */
    public record SettlementRun(long id, String kind, LocalDate businessDate, Instant ranAt, long settledCount,
            long settledValue, long bilateralCount, long multilateralCount, long rejectedCount, long rejectedValue,
            long carriedCount, long carriedValue) {
    }

    /** A day close: the day closed, the day opened, and the run that closed it. */
    public record DayCloseAnswer(LocalDate closed, LocalDate opened, RunAnswer run) {
    }

    /**
     * Runs a netting cycle of deferred net settlement now (besides those at the configured times);
     * answers its totals and the first {@code firstPage} payments it settled.
     */
    public RunAnswer netCycle(int firstPage) {
        return answer(writer.call(Command.on(LiveLedger::netCycle)), firstPage);
    }

    /** The open day's next netting cycle at a configured time, or null when only the one at its close is left. */
    public Instant nextCycle() {
        LiveLedger l = writer.runningLedger();
        if (l != null) {
            return l.nextCycle();
        }
        return calendar().nextNetCycle(businessDate(), clock.instant());
    }

    /** Runs the liquidity-saving mechanism; answers its totals and the first {@code firstPage} payments it settled. */
    public RunAnswer offset(int firstPage) {
        return answer(writer.call(Command.on(LiveLedger::offset)), firstPage);
    }

    /**
     * Closes the open business day now (an operator's close): the next business day opens at once.
     * Refused (409) while the open day has not opened yet: nothing has settled in it to close.
     */
    public DayCloseAnswer closeDay(int firstPage) {
        LiveLedger.DayClose c = writer.call(Command.on(l -> l.isOpenForBusiness() ? l.closeDay(true) : null));
        if (c == null) {
            throw new SettlementRefused(SettlementRefused.Kind.CONFLICT, new Refusal(NOT_ALLOWED,
                    "business day " + businessDate() + " has not opened yet (it opens at " + openedAt() + "): "
                    + "there is nothing to close"));
        }
        return new DayCloseAnswer(c.closed(), c.opened(), answer(c.run(), firstPage));
    }

    /**
     * The timetable's due steps, as the clock has them: opens the business day at its opening and, when
     * {@code autoClose}, closes it at its close (the next one opening at its own opening). Answers the
     * closes it made (at most {@code maxCloses}, for a service that was down across several closes).
     */
    public List<DayCloseAnswer> runTimetable(boolean autoClose, int maxCloses) {
        return writer.call(Command.on(l -> {
            List<DayCloseAnswer> closes = new java.util.ArrayList<>();
            l.openIfDue();
            if (l.cycleIsDue()) {
                l.netCycle();
            }
            while (autoClose && closes.size() < maxCloses && l.closeIsDue()) {
                LiveLedger.DayClose c = l.closeDay(false);
                closes.add(new DayCloseAnswer(c.closed(), c.opened(), answer(c.run(), 0)));
                l.openIfDue();
            }
            return closes;
        }));
    }

    /** Whether settlement is open now: the open business day has opened (on an instance that does not lead, as stored). */
    public boolean isOpenForBusiness() {
        LiveLedger l = writer.runningLedger();
        return l != null ? l.isOpenForBusiness() : !clock.instant().isBefore(openedAt());
    }

    /** When the open business day opens, or opened. */
    public Instant openedAt() {
        LiveLedger l = writer.runningLedger();
        if (l != null) {
            return l.openedAt();
        }
        try {
            return StateLoader.openDayOpening(dataSource).orElseGet(() -> calendar().opensAt(businessDate()));
        } catch (SQLException e) {
            throw new SettlementUnavailable("the settlement store is not answering");
        }
    }

    private static RunAnswer answer(LiveLedger.RunResult result, int firstPage) {
        Journal.Run r = result.run();
        return new RunAnswer(new SettlementRun(r.id, r.kind, r.businessDate, r.at, r.settledCount, r.settledValue,
                r.bilateralCount, r.multilateralCount, r.rejectedCount, r.rejectedValue, r.carriedCount, r.carriedValue),
                result.settled().stream().sorted(Comparator.comparingLong(row -> row.seq)).limit(firstPage)
                        .map(PaymentRow::snapshot).toList());
    }

    /**
     * The open business day as the sequencer holds it; on an instance that does not lead settlement,
     * as the database has it.
     */
    public LocalDate businessDate() {
        LiveLedger l = writer.runningLedger();
        if (l != null) {
            return l.businessDate();
        }
        try {
            return StateLoader.openBusinessDate(dataSource).orElseGet(() -> calendar().openAt(clock.instant()));
        } catch (SQLException e) {
            throw new SettlementUnavailable("the settlement store is not answering");
        }
    }

    public BusinessCalendar calendar() {
        return writer.calendar();
    }
}
