package io.rmbsim.sequencer;

import io.rmbsim.sequencer.SettlementSequencer.LiquidityRequest;
import io.rmbsim.settlement.PaymentOrder;
import io.rmbsim.settlement.SettlementUnavailable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One request to the {@link SingleWriter}: a payment, the payments of one document (a pacs.008 of up
 * to a thousand transactions, taken whole into one batch and one journal write), a liquidity
 * movement, or an action on the live ledger (cancel, offset, close, participant change); and its
 * answer, completed only once the batch that carried it is committed (or failed).
 */
final class Command<R> {

    /** What to do on the ledger, for a command that is neither a payment nor a liquidity movement. */
    final Function<LiveLedger, R> action;
    final PaymentOrder order;
    /** The payments of one document, in its order; null for any other command. */
    final List<PaymentOrder> orders;
    final LiquidityRequest liquidity;
    final CompletableFuture<R> answer = new CompletableFuture<>();
    /** What the command gave, held by the writer until the batch is committed. */
    Object result;

    private Command(Function<LiveLedger, R> action, PaymentOrder order, List<PaymentOrder> orders, LiquidityRequest liquidity) {
        this.action = action;
        this.order = order;
        this.orders = orders;
        this.liquidity = liquidity;
    }

    static Command<SettlementSequencer.Submission> payment(PaymentOrder order) {
        return new Command<>(null, order, null, null);
    }

    /** The payments of one document, as one command: their answers in the same order. */
    static Command<List<SettlementSequencer.Submission>> payments(List<PaymentOrder> orders) {
        return new Command<>(null, null, List.copyOf(orders), null);
    }

    static Command<Deduplication.LiquidityAnswer> liquidity(LiquidityRequest request) {
        return new Command<>(null, null, null, request);
    }

    static <R> Command<R> on(Function<LiveLedger, R> action) {
        return new Command<>(action, null, null, null);
    }

    /** The payment orders this command carries: none, its one, or its document's. */
    java.util.stream.Stream<PaymentOrder> paymentOrders() {
        return orders != null ? orders.stream() : order != null ? java.util.stream.Stream.of(order) : java.util.stream.Stream.empty();
    }

    /** Waits for the answer, holding the caller's thread. */
    R await() {
        try {
            return answer.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new SettlementUnavailable("settlement failed: " + e.getCause());
        } catch (TimeoutException e) {
            throw timedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SettlementUnavailable("interrupted");
        }
    }

    /** The answer without holding a thread; it completes on a responder thread, never the writer's. */
    CompletableFuture<R> answerLater() {
        return answer.orTimeout(60, TimeUnit.SECONDS).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return CompletableFuture.failedFuture(cause instanceof TimeoutException ? timedOut() : cause);
        });
    }

    private static SettlementUnavailable timedOut() {
        return new SettlementUnavailable("settlement did not answer in time; the request may still complete, read it back");
    }
}
