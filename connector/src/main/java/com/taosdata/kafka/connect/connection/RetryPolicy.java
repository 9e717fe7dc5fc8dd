package com.taosdata.kafka.connect.connection;

import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a call that failed with a {@link ErrorKind#TRANSIENT} TDengine error, with a fixed backoff,
 * up to a number of retries; any other failure passes through at once. When the retries are used up, the last failure
 * is thrown again, still {@link ErrorKind#TRANSIENT}, with the number of attempts in its message.
 */
public final class RetryPolicy {

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
        return call(what, call, cause -> { });
    }

    public <T> T call(String what, Call<T> call, RetryListener listener) {
        int retries = 0;
        while (true) {
            try {
                return call.run();
            } catch (TDengineException e) {
                if (e.kind() != ErrorKind.TRANSIENT) {
                    throw e;
                }
                if (retries >= maxRetries) {
                    // Still a TDengineException of kind TRANSIENT, so a policy around this one (a write retrying
                    // a connection that could not be reopened) keeps retrying instead of failing at once.
                    throw new TDengineException(e.code(), ErrorKind.TRANSIENT,
                            what + " failed after " + (retries + 1) + " attempt(s): " + e.getMessage(), e);
                }
                retries++;
                listener.onRetry(e);
                log.warn("{} failed ({}); retry {} of {} in {} ms", what, e.getMessage(), retries, maxRetries, backoffMs);
                pause();
            }
        }
    }

    private void pause() {
        try {
            sleeper.sleep(backoffMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting to retry", e);
        }
    }
}
