package com.taosdata.kafka.connect.cli.client;

import java.time.Duration;

/** How the CLI waits between retries and polls: a seam so tests of polling commands need not sleep for real. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
