package com.taosdata.kafka.connect.transforms.point;

import org.apache.kafka.connect.errors.DataException;

/**
 * A data error tied to one field; the transformation adds topic, partition and offset before it reaches the
 * worker.
 */
public class FieldValueException extends DataException {

    private final String field;

    public FieldValueException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public FieldValueException(String field, String reason, Throwable cause) {
        super(reason, cause);
        this.field = field;
    }

    /** The field path or column name the error is about. */
    public String field() {
        return field;
    }
}
