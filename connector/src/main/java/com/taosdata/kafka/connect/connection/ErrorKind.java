package com.taosdata.kafka.connect.connection;

/** What a failed TDengine call means for the records it carried. */
public enum ErrorKind {
    /** The server or the network will likely recover: retry the same call after a backoff. */
    TRANSIENT,
    /** Something in the data was rejected: isolate the records at fault and route them to the DLQ. */
    DATA,
    /** Configuration, permission or an unknown failure: retrying will not help; fail the task with the cause. */
    FATAL
}
