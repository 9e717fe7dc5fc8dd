package com.taosdata.kafka.connect.standin;

/** A failure answered to the client as a TDengine error: a code from {@link TDengineErrors} and a description. */
public final class TDengineException extends RuntimeException {
    private final TDengineErrors error;

    public TDengineException(TDengineErrors error, String desc) {
        super(desc);
        this.error = error;
    }

    public TDengineErrors error() {
        return error;
    }

    public String desc() {
        return getMessage();
    }

    /** taosAdapter's rendering of a TDengine error in schemaless answers: {@code [0x3002] Invalid data format}. */
    public String bracketed() {
        return "[0x" + Integer.toHexString(error.restCode()) + "] " + getMessage();
    }
}
