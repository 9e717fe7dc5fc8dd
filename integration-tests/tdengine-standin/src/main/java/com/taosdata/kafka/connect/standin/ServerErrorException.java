package com.taosdata.kafka.connect.standin;

/** A failure answered to the client as a TDengine error: a code from {@link ServerError} and a description. */
public final class ServerErrorException extends RuntimeException {
    private final ServerError error;

    public ServerErrorException(ServerError error, String desc) {
        super(desc);
        this.error = error;
    }

    public ServerError error() {
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
