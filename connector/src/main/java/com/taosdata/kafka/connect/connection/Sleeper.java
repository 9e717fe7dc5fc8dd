package com.taosdata.kafka.connect.connection;

/** Waits between attempts and polls (the connectors' retries, the CLI's); a seam so tests run without real waiting. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
