package com.taosdata.kafka.connect.connection;

/** Waits between attempts; a seam so tests of retry logic run without real waiting. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
