package com.taosdata.kafka.connect.sink.write;

import com.taosdata.kafka.connect.connection.TDengineException;
import java.util.ArrayList;
import java.util.List;

/**
 * A TDengine that rejects a whole batch when any of its lines contains {@code BAD} (as a real server does on a data
 * error), and can be told to fail the next calls transiently or fatally.
 */
public final class FakeSchemalessWriter implements SchemalessWriter {

    static final int INVALID_DATA = 0x80003002;

    /** One call to {@link #write}. */
    public record Call(String database, List<String> payloads, boolean accepted) {}

    public final List<Call> calls = new ArrayList<>();
    public int transientFailures;
    public TDengineException nextFailure;
    public boolean closed;

    @Override
    public long write(String database, List<String> payloads) {
        List<String> copy = List.copyOf(payloads);
        if (transientFailures > 0) {
            transientFailures--;
            calls.add(new Call(database, copy, false));
            throw TDengineException.transientFailure("connection refused", null);
        }
        if (nextFailure != null) {
            TDengineException failure = nextFailure;
            nextFailure = null;
            calls.add(new Call(database, copy, false));
            throw failure;
        }
        boolean bad = copy.stream().anyMatch(line -> line.contains("BAD"));
        calls.add(new Call(database, copy, !bad));
        if (bad) {
            throw TDengineException.fromCode(INVALID_DATA, "invalid data", null);
        }
        return Utf8.length(copy);
    }

    /** Every line TDengine accepted, in order, with repeats. */
    public List<String> accepted() {
        List<String> lines = new ArrayList<>();
        calls.stream().filter(Call::accepted).forEach(call -> lines.addAll(call.payloads()));
        return lines;
    }

    List<Call> acceptedCalls() {
        return calls.stream().filter(Call::accepted).toList();
    }

    @Override
    public void close() {
        closed = true;
    }
}
