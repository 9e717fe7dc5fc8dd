package com.taosdata.kafka.connect.connection;

import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a call that failed with a {@link ErrorKind#TRANSIENT} TDengine error, up to a budget of {@code maxRetries}
 * retries of {@code backoffMs} each; any other failure passes through at once. When the budget is used up, the last
 * failure is thrown again, still {@link ErrorKind#TRANSIENT}, with the number of attempts in its message.
 *
 * <p>States the server leaves by itself within moments ({@link ErrorCodes#isSelfResolving}: a concurrent
 * {@code CREATE DATABASE} finishing, a leader election) are polled again soon instead: after 100 ms, doubling up to the
 * backoff. Such a poll costs the budget the time it waited, so a database being created for a few seconds does not use
 * up {@code max.retries}, and the policy never waits longer in total than {@code maxRetries × backoffMs}.
 */
public final class RetryPolicy {

    /** The first pause before polling a self-resolving state again. */
    static final long SELF_RESOLVING_FIRST_PAUSE_MS = 100;

    private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);

    /** A call to TDengine. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws TDengineException;
    }

    /** Told of every retry, e.g. to count it in the task's metrics. */
    @FunctionalInterface
    public interface RetryListener {
        void onRetry(TDengineException cause);
    }

    private final int maxRetries;
    private final long backoffMs;
    private final Sleeper sleeper;

    public RetryPolicy(int maxRetries, long backoffMs, Sleeper sleeper) {
        this.maxRetries = maxRetries;
        this.backoffMs = backoffMs;
        this.sleeper = sleeper;
    }

    public <T> T call(String what, Call<T> call) {
        return call(what, call, cause -> {});
    }

    public <T> T call(String what, Call<T> call, RetryListener listener) {
        Budget budget = new Budget();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                return call.run();
            } catch (TDengineException e) {
                if (e.kind() != ErrorKind.TRANSIENT) {
                    throw e;
                }
                if (Thread.currentThread().isInterrupted()) {
                    // The failure is the interrupt's doing (the call was given up), not TDengine's: no retry.
                    throw new ConnectException(what + " was interrupted: " + e.getMessage(), e);
                }
                boolean selfResolving = ErrorCodes.isSelfResolving(e.code());
                long pause = budget.spend(selfResolving);
                if (pause < 0) {
                    // Still a TDengineException of kind TRANSIENT: the caller can tell an outage that outlasted the
                    // budget from a rejected request.
                    throw new TDengineException(
                            e.code(),
                            ErrorKind.TRANSIENT,
                            what + " failed after " + attempts + " attempt(s): " + e.getMessage(),
                            e);
                }
                listener.onRetry(e);
                if (selfResolving) {
                    log.info(
                            "{} failed ({}), a state TDengine leaves by itself; trying again in {} ms",
                            what,
                            e.getMessage(),
                            pause);
                } else {
                    log.warn(
                            "{} failed ({}); retry in {} ms, {} of {} retries left",
                            what,
                            e.getMessage(),
                            pause,
                            budget.retriesLeft(),
                            maxRetries);
                }
                pause(pause);
            }
        }
    }

    private void pause(long millis) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting to retry", e);
        }
    }

    /**
     * The waiting one call may do: {@code maxRetries × backoffMs}, counted in milliseconds so that a short poll costs a
     * fraction of a retry. Without a backoff, every retry costs 1 ms of a budget of {@code maxRetries} ms.
     */
    private final class Budget {
        private final long unitMs = Math.max(1, backoffMs);
        private final long totalMs = maxRetries > Long.MAX_VALUE / unitMs ? Long.MAX_VALUE : maxRetries * unitMs;
        private long spentMs;
        private long nextShortPauseMs = Math.min(SELF_RESOLVING_FIRST_PAUSE_MS, backoffMs);

        /** The pause before the next attempt, charged to the budget; -1 when the budget does not cover it. */
        long spend(boolean selfResolving) {
            long pause;
            long cost;
            if (selfResolving) {
                pause = nextShortPauseMs;
                cost = Math.max(1, pause);
                nextShortPauseMs = nextShortPauseMs > backoffMs / 2 ? backoffMs : nextShortPauseMs * 2;
            } else {
                pause = backoffMs;
                cost = unitMs;
                nextShortPauseMs = Math.min(SELF_RESOLVING_FIRST_PAUSE_MS, backoffMs);
            }
            if (cost > totalMs - spentMs) {
                return -1;
            }
            spentMs += cost;
            return pause;
        }

        long retriesLeft() {
            return (totalMs - spentMs) / unitMs;
        }
    }
}
