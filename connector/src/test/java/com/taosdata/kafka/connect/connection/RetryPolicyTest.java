package com.taosdata.kafka.connect.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final List<Long> sleeps = new ArrayList<>();
    private final Sleeper sleeper = sleeps::add;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private static RetryPolicy.Call<String> failingTimes(AtomicInteger calls, int failures, TDengineException failure) {
        return () -> {
            if (calls.incrementAndGet() <= failures) {
                throw failure;
            }
            return "ok";
        };
    }

    @Test
    void aTransientFailureIsRetriedAfterTheBackoffUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        List<TDengineException> retried = new ArrayList<>();

        String result = new RetryPolicy(3, 250, sleeper)
                .call(
                        "writing",
                        failingTimes(calls, 2, TDengineException.transientFailure("refused", null)),
                        retried::add);

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(sleeps).containsExactly(250L, 250L);
        assertThat(retried).hasSize(2);
    }

    @Test
    void afterMaxRetriesTheLastFailureIsThrownStillTransientWithTheAttemptCount() {
        AtomicInteger calls = new AtomicInteger();
        TDengineException failure = TDengineException.fromCode(0x80000131, "closing down", null);

        assertThatThrownBy(() ->
                        new RetryPolicy(2, 10, sleeper).call("writing into power", failingTimes(calls, 99, failure)))
                .isInstanceOfSatisfying(TDengineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
                    assertThat(e.code()).isEqualTo(0x80000131);
                })
                .hasMessageContaining("writing into power failed after 3 attempt(s)")
                .hasMessageContaining("closing down")
                .hasCause(failure);
        assertThat(calls).hasValue(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void anExhaustedInnerPolicyIsRetriedByAnOuterOne() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy inner = new RetryPolicy(1, 0, sleeper);
        RetryPolicy outer = new RetryPolicy(2, 0, sleeper);
        RetryPolicy.Call<String> connect = failingTimes(calls, 5, TDengineException.transientFailure("refused", null));

        String result = outer.call("writing", () -> inner.call("connecting", connect));

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(6);
    }

    @Test
    void zeroRetriesMeansOneAttempt() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> new RetryPolicy(0, 10, sleeper)
                        .call("w", failingTimes(calls, 1, TDengineException.transientFailure("refused", null))))
                .isInstanceOf(TDengineException.class)
                .hasMessageContaining("after 1 attempt(s)");
        assertThat(calls).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void dataAndFatalFailuresPassThroughAtOnce() {
        for (TDengineException failure : List.of(
                TDengineException.fromCode(0x80003002, "invalid data", null),
                TDengineException.fromCode(0x80000357, "authentication failure", null))) {
            AtomicInteger calls = new AtomicInteger();

            assertThatThrownBy(() -> new RetryPolicy(5, 10, sleeper).call("w", failingTimes(calls, 1, failure)))
                    .isSameAs(failure);
            assertThat(calls).hasValue(1);
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void otherExceptionsPassThroughUntouched() {
        IllegalStateException bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> new RetryPolicy(5, 10, sleeper).call("w", () -> {
                    throw bug;
                }))
                .isSameAs(bug);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void theRetryCounterStartsAgainWithEveryCall() {
        RetryPolicy policy = new RetryPolicy(2, 0, sleeper);
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        TDengineException refused = TDengineException.transientFailure("refused", null);

        assertThat(policy.call("w", failingTimes(first, 2, refused))).isEqualTo("ok");
        assertThat(policy.call("w", failingTimes(second, 2, refused))).isEqualTo("ok");
        assertThat(sleeps).hasSize(4);
    }

    @Test
    void anInterruptDuringTheBackoffStopsRetryingAndKeepsTheInterruptFlag() {
        AtomicInteger calls = new AtomicInteger();
        Sleeper interrupted = millis -> {
            throw new InterruptedException();
        };

        assertThatThrownBy(() -> new RetryPolicy(5, 10, interrupted)
                        .call("w", failingTimes(calls, 5, TDengineException.transientFailure("refused", null))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("interrupted")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(calls).hasValue(1);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void aTransientFailureOfAnInterruptedCallIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        // The call's failure came with the interrupt (a driver answering it with an error, say): no backoff, no retry.
        RetryPolicy.Call<String> interrupted = () -> {
            calls.incrementAndGet();
            Thread.currentThread().interrupt();
            throw new TDengineException(0x231E, ErrorKind.TRANSIENT, "ERROR (0x231e): null", null);
        };

        assertThatThrownBy(() -> new RetryPolicy(5, 10, sleeper).call("writing 3 record(s)", interrupted))
                .isInstanceOf(ConnectException.class)
                .hasMessage("writing 3 record(s) was interrupted: ERROR (0x231e): null")
                .hasCauseInstanceOf(TDengineException.class);
        assertThat(calls).hasValue(1);
        assertThat(sleeps).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void aStateTDengineLeavesByItselfIsPolledAgainSoonerAndSoonerNotAfterTheFullBackoff() {
        AtomicInteger calls = new AtomicInteger();
        TDengineException creating = TDengineException.fromCode(0x80000396, "Database in creating status", null);

        String result =
                new RetryPolicy(3, 3000, sleeper).call("creating database power", failingTimes(calls, 6, creating));

        assertThat(result).isEqualTo("ok");
        assertThat(sleeps)
                .as("100 ms, doubling up to the backoff")
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 3000L);
    }

    @Test
    void pollingASelfResolvingStateCostsTheBudgetOnlyTheTimeItWaited() {
        AtomicInteger calls = new AtomicInteger();
        TDengineException notLeader = TDengineException.fromCode(0x8000090C, "Sync not leader", null);

        assertThatThrownBy(() -> new RetryPolicy(2, 1000, sleeper).call("writing", failingTimes(calls, 99, notLeader)))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT))
                .hasMessageContaining("after 5 attempt(s)");
        assertThat(sleeps)
                .as("no longer in total than max.retries x retry.backoff.ms")
                .containsExactly(100L, 200L, 400L, 800L);
        assertThat(sleeps.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(2 * 1000);
    }

    @Test
    void anOrdinaryTransientFailureCostsAWholeRetryAndStartsTheShortPollsOver() {
        AtomicInteger calls = new AtomicInteger();
        TDengineException creating = TDengineException.fromCode(0x80000396, "Database in creating status", null);
        TDengineException refused = TDengineException.transientFailure("refused", null);
        List<TDengineException> failures = List.of(creating, creating, refused, creating);

        String result = new RetryPolicy(3, 1000, sleeper).call("w", () -> {
            int call = calls.getAndIncrement();
            if (call < failures.size()) {
                throw failures.get(call);
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(sleeps).containsExactly(100L, 200L, 1000L, 100L);
    }

    @Test
    void aBackoffShorterThanTheFirstPollIsUsedForSelfResolvingStatesToo() {
        AtomicInteger calls = new AtomicInteger();
        TDengineException creating = TDengineException.fromCode(0x80000396, "Database in creating status", null);

        assertThatThrownBy(() -> new RetryPolicy(2, 0, sleeper).call("w", failingTimes(calls, 99, creating)))
                .hasMessageContaining("after 3 attempt(s)");
        assertThat(sleeps).containsExactly(0L, 0L);
    }
}
