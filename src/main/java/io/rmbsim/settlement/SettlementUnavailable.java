package io.rmbsim.settlement;

/**
 * Settlement cannot answer now: it is not running here, it is overloaded, its journal cannot be
 * written, or this instance no longer leads it. The detail says whether the request may still take
 * effect; a client may retry. The edge answers it as a 503.
 */
public final class SettlementUnavailable extends RuntimeException {

    public SettlementUnavailable(String detail) {
        super(detail, null, false, false);
    }
}
