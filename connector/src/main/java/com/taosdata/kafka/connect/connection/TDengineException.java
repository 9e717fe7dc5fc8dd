package com.taosdata.kafka.connect.connection;

import org.apache.kafka.connect.errors.ConnectException;

/** A failed call to TDengine, carrying TDengine's error code and how the connectors must react to it. */
public class TDengineException extends ConnectException {

    private final int code;
    private final ErrorKind kind;

    public TDengineException(int code, ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.kind = kind;
    }

    public static TDengineException fromCode(int code, String message, Throwable cause) {
        return new TDengineException(
                code, ErrorCodes.classify(code), "TDengine error " + ErrorCodes.hex(code) + ": " + message, cause);
    }

    /** A failure with no TDengine code: the network or the HTTP layer. */
    public static TDengineException transientFailure(String message, Throwable cause) {
        return new TDengineException(0, ErrorKind.TRANSIENT, message, cause);
    }

    public int code() {
        return code;
    }

    public ErrorKind kind() {
        return kind;
    }
}
