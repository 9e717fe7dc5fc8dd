package com.taosdata.kafka.connect.schemas;

import org.apache.kafka.connect.errors.DataException;

/**
 * A value that the target protocol cannot represent (NaN, a backslash before a separator in a key, bytes without an
 * encoding…). Callers add the record coordinates and the field to the message.
 */
public class UnsupportedValueException extends DataException {

    public UnsupportedValueException(String message) {
        super(message);
    }

    public UnsupportedValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
