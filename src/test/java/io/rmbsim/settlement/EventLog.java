package io.rmbsim.settlement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records what the engine says, for tests to read back. */
class EventLog implements SettlementEvents {

    final List<String> lines = new ArrayList<>();
    final Map<Long, SettlementMethod> settled = new LinkedHashMap<>();
    final Map<Long, String> rejected = new LinkedHashMap<>();
    final List<Long> queued = new ArrayList<>();
    /** Payments that went on to CIPS, with their position there. */
    final Map<Long, Long> atCips = new LinkedHashMap<>();

    @Override
    public void settled(long ref, SettlementMethod method, Postings postings) {
        if (settled.put(ref, method) != null) {
            throw new AssertionError("payment " + ref + " settled twice");
        }
        lines.add("settled " + ref + " " + method);
    }

    @Override
    public void queued(long ref, Postings postings) {
        queued.add(ref);
        lines.add("queued " + ref);
    }

    @Override
    public void waitsAtCips(long ref, long position) {
        atCips.put(ref, position);
        lines.add("at CIPS " + ref);
    }

    @Override
    public void rejected(long ref, String reasonCode) {
        rejected.put(ref, reasonCode);
        lines.add("rejected " + ref + " " + reasonCode);
    }
}
