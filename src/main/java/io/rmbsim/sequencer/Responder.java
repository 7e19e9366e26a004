package io.rmbsim.sequencer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Answers the commands of a committed batch on two threads of its own: answering (and whatever the
 * callers chain on it, such as writing the response) is not the sequencer's work, which goes on
 * with the next batch at once.
 */
final class Responder {

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "settlement-responder");
        t.setDaemon(true);
        return t;
    });

    /** Called on the writer's thread right after the commit: a submission's answer is read now. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void answer(List<Command<?>> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        for (Command c : batch) {
            Object result = c.result;
            if (result instanceof Deduplication.PendingSubmission p) {
                result = p.answer();
            } else if (result instanceof Deduplication.PendingSubmissions p) {
                result = p.answer();
            }
            results.add(result);
        }
        List<Command<?>> answered = new ArrayList<>(batch);
        pool.execute(() -> {
            for (int i = 0; i < answered.size(); i++) {
                ((Command) answered.get(i)).answer.complete(results.get(i));
            }
        });
    }
}
