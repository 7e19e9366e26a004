package io.rmbsim.settlement;

/**
 * How a settlement account's queue lets its payments go, at both tiers (an INDIRECT account's queue on
 * its agent's books, a CIPS account's queue). HIGH payments keep strict first in, first out under
 * either, and a NORM payment never goes before a HIGH one of the same account; deferred net
 * settlement's netting and the offsetting of the liquidity-saving mechanism, which weigh whole queues
 * at once, are the same under both.
 */
public enum QueueDiscipline {

    /**
     * Strict first in, first out within a priority (HIGH before NORM): a payment goes only from the
     * head of its queue, so a NORM payment without cover holds up every NORM payment behind it, and a
     * new one queues behind whatever waits. The rule so far, and the default.
     */
    STRICT_FIFO,

    /**
     * TARGET2's rule for normal payments ("FIFO by-passing"): HIGH payments as under
     * {@link #STRICT_FIFO}; when no HIGH payment waits (not held) on the account, a NORM payment that
     * has cover goes at once, on arrival or when the queue is released, passing over the NORM
     * payments ahead of it that have none (they keep their place). At a CIPS account a NORM payment
     * still needs cover above the reservation.
     */
    FIFO_BYPASS
}
