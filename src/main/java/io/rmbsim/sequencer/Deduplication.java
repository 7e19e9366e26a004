package io.rmbsim.sequencer;

import io.rmbsim.sequencer.SettlementSequencer.LiquidityRequest;
import io.rmbsim.sequencer.SettlementSequencer.Submission;
import io.rmbsim.settlement.PaymentOrder;
import io.rmbsim.settlement.Refusal;
import io.rmbsim.settlement.ReturnRule;
import io.rmbsim.settlement.SettlementEngine;
import io.rmbsim.settlement.SettlementRefused;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What one batch must not do twice: accept a payment already accepted (earlier in the same batch,
 * queued in memory, or stored), or move liquidity again under an idempotency key already used on
 * the account (in the same batch, or stored). The batch's UETRs and keys are looked up in the store
 * at once, before its first command, so a duplicate inside one batch is caught too.
 */
final class Deduplication {

    /** How a liquidity command ended; the facade turns the refusals into {@code SettlementRefused}. */
    enum LiquidityAnswer {
        MOVED, REPLAYED, KEY_REUSED, BEYOND_BALANCE, EXCEEDS_CAPACITY
    }

    /** A submission's answer, read once the batch is committed (later commands may settle it). */
    record PendingSubmission(PaymentRow row, PaymentSnapshot stored, boolean created, boolean conflicting,
            Refusal refusal, SettlementRefused.Kind refusedAs) {

        PendingSubmission(PaymentRow row, PaymentSnapshot stored, boolean created, boolean conflicting) {
            this(row, stored, created, conflicting, null, null);
        }

        static PendingSubmission refused(SettlementRefused.Kind kind, Refusal refusal) {
            return new PendingSubmission(null, null, false, false, refusal, kind);
        }

        Submission answer() {
            return new Submission(row == null ? stored : row.snapshot(), created, conflicting, refusal, refusedAs);
        }
    }

    /** The submissions of one document's payments, in its order. */
    record PendingSubmissions(List<PendingSubmission> each) {

        List<Submission> answer() {
            return each.stream().map(PendingSubmission::answer).toList();
        }
    }



    private final LiveLedger ledger;
    private final Map<UUID, PaymentSnapshot> stored;
    /**
     * The payments the batch before wrote, as they stand now that it is committed: the read of
     * {@link #stored} may have run while that batch was being written ({@link SingleWriter}), so it
     * may miss them or hold them as they were before.
     */
    private final Map<UUID, PaymentRow> writtenJustBefore;
    private final Map<String, StateLoader.StoredMove> storedMoves;
    private final Map<UUID, PaymentRow> acceptedNow = new HashMap<>();
    private final Map<String, LiquidityRequest> movedNow = new HashMap<>();
    private final Map<UUID, StateLoader.Returnable> returnables;
    /** What this batch's accepted returns took from each original, beyond what the store already holds. */
    private final Map<UUID, Long> returnedNow = new HashMap<>();

    private Deduplication(LiveLedger ledger, Map<UUID, PaymentSnapshot> stored, Map<UUID, PaymentRow> writtenJustBefore,
            Map<String, StateLoader.StoredMove> storedMoves, Map<UUID, StateLoader.Returnable> returnables) {
        this.ledger = ledger;
        this.stored = stored;
        this.writtenJustBefore = writtenJustBefore;
        this.storedMoves = storedMoves;
        this.returnables = returnables;
    }

    /**
     * What the store holds of the batch's payments, by UETR. It may be read while the batch before is
     * being written: {@link #forBatch} is then given that batch's payments.
     */
    static Map<UUID, PaymentSnapshot> storedPayments(DataSource dataSource, List<Command<?>> batch) throws SQLException {
        return StateLoader.storedPayments(dataSource, batch.stream().flatMap(Command::paymentOrders).map(PaymentOrder::uetr).toList());
    }

    /**
     * The batch's deduplication, once the batch before is committed: {@code stored} as read by
     * {@link #storedPayments}, {@code writtenJustBefore} the payments of the batch before (empty if it
     * failed), and what the store holds of the batch's keyed liquidity movements and returned payments,
     * read now.
     */
    static Deduplication forBatch(DataSource dataSource, LiveLedger ledger, List<Command<?>> batch,
            Map<UUID, PaymentSnapshot> stored, Map<UUID, PaymentRow> writtenJustBefore) throws SQLException {
        Map<String, StateLoader.StoredMove> storedMoves = StateLoader.storedLiquidityMoves(dataSource, batch.stream()
                .filter(c -> c.liquidity != null && c.liquidity.idempotencyKey() != null)
                .map(c -> new StateLoader.MoveKey(c.liquidity.account(), c.liquidity.idempotencyKey())).toList());
        Map<UUID, StateLoader.Returnable> returnables = StateLoader.returnables(dataSource, batch.stream()
                .flatMap(Command::paymentOrders).filter(PaymentOrder::isReturn).map(PaymentOrder::returnOf).distinct().toList());
        return new Deduplication(ledger, stored, writtenJustBefore, storedMoves, returnables);
    }

    /** Accepts the payment unless it was already accepted (then answers that one) or would pass the capacity. */
    PendingSubmission submit(PaymentOrder order) {
        PaymentRow earlier = acceptedNow.get(order.uetr());
        if (earlier == null) {
            earlier = ledger.queuedPayment(order.uetr());
        }
        if (earlier != null) {
            return new PendingSubmission(earlier, null, false, !earlier.order.equals(order));
        }
        PaymentRow justWritten = writtenJustBefore.get(order.uetr());
        PaymentSnapshot before = justWritten != null ? justWritten.snapshot() : stored.get(order.uetr());
        if (before != null) {
            return new PendingSubmission(null, before, false, !before.order().equals(order));
        }
        if (order.isReturn()) {
            PendingSubmission refused = returnRefused(order);
            if (refused != null) {
                return refused;
            }
        }
        String beyondCapacity = ledger.exceedsCapacity(order);
        if (beyondCapacity != null) {
            return PendingSubmission.refused(SettlementRefused.Kind.BEYOND_CAPACITY,
                    new Refusal(SettlementEngine.EXCEEDS_CAPACITY, beyondCapacity));
        }
        PaymentRow row = ledger.accept(order);
        acceptedNow.put(order.uetr(), row);
        if (order.isReturn()) {
            returnedNow.merge(order.returnOf(), order.amount(), Long::sum);
        }
        return new PendingSubmission(row, null, true, false);
    }

    /**
     * Why this return may not be accepted ({@link ReturnRule}), or null; its original is the one taken
     * earlier in this batch, or as stored with the returns that count, plus those of this batch.
     */
    private PendingSubmission returnRefused(PaymentOrder order) {
        UUID originalId = order.returnOf();
        PaymentRow earlierInBatch = acceptedNow.get(originalId);
        StateLoader.Returnable stored = returnables.get(originalId);
        ReturnRule.Refused refused = earlierInBatch != null
                ? ReturnRule.check(order, earlierInBatch.order, earlierInBatch.status, returnedNow.getOrDefault(originalId, 0L))
                : ReturnRule.check(order, stored == null ? null : stored.order(), stored == null ? null : stored.status(),
                        (stored == null ? 0 : stored.returned()) + returnedNow.getOrDefault(originalId, 0L));
        return refused == null ? null : PendingSubmission.refused(refused.kind(), refused.refusal());
    }

    /**
     * Moves liquidity unless its idempotency key was already used: for the same movement that is a
     * replay (nothing moves again), for a different one the key is reused.
     */
    LiquidityAnswer moveLiquidity(LiquidityRequest r) {
        if (r.idempotencyKey() != null) {
            String key = r.account() + " " + r.idempotencyKey();
            LiquidityRequest earlier = movedNow.get(key);
            StateLoader.StoredMove before = storedMoves.get(key);
            if (earlier != null) {
                return earlier.in() == r.in() && earlier.amount() == r.amount()
                        && Objects.equals(earlier.reference(), r.reference())
                        ? LiquidityAnswer.REPLAYED : LiquidityAnswer.KEY_REUSED;
            }
            if (before != null) {
                return before.direction().equals(r.in() ? "IN" : "OUT") && before.amount() == r.amount()
                        && Objects.equals(before.reference(), r.reference())
                        ? LiquidityAnswer.REPLAYED : LiquidityAnswer.KEY_REUSED;
            }
        }
        LiveLedger.LiquidityOutcome outcome = ledger.liquidity(r.account(), r.in(), r.amount(), r.reference(), r.idempotencyKey());
        if (outcome == LiveLedger.LiquidityOutcome.MOVED && r.idempotencyKey() != null) {
            movedNow.put(r.account() + " " + r.idempotencyKey(), r);
        }
        return switch (outcome) {
            case MOVED -> LiquidityAnswer.MOVED;
            case BEYOND_BALANCE -> LiquidityAnswer.BEYOND_BALANCE;
            case EXCEEDS_CAPACITY -> LiquidityAnswer.EXCEEDS_CAPACITY;
        };
    }
}
