package com.taosdata.kafka.connect.transforms.support;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;

/** A Schema that counts how often it is walked (fields looked up or listed, or hashed). */
public final class CountingSchema implements Schema {

    private final Schema delegate;
    private int walks;

    public CountingSchema(Schema delegate) {
        this.delegate = delegate;
    }

    public int walks() {
        return walks;
    }

    public void reset() {
        walks = 0;
    }

    @Override
    public Type type() {
        return delegate.type();
    }

    @Override
    public boolean isOptional() {
        return delegate.isOptional();
    }

    @Override
    public Object defaultValue() {
        return delegate.defaultValue();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Integer version() {
        return delegate.version();
    }

    @Override
    public String doc() {
        return delegate.doc();
    }

    @Override
    public Map<String, String> parameters() {
        return delegate.parameters();
    }

    @Override
    public Schema keySchema() {
        return delegate.keySchema();
    }

    @Override
    public Schema valueSchema() {
        return delegate.valueSchema();
    }

    @Override
    public List<Field> fields() {
        walks++;
        return delegate.fields();
    }

    @Override
    public Field field(String fieldName) {
        walks++;
        return delegate.field(fieldName);
    }

    @Override
    public Schema schema() {
        return this;
    }

    @Override
    public int hashCode() {
        walks++;
        return delegate.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }
}
