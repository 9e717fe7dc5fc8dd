package com.taosdata.kafka.connect.sink.write;

import com.taosdata.kafka.connect.metrics.SinkTaskMetrics;
import com.taosdata.kafka.connect.sink.record.RecordIds;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * What happens to a record TDengine rejected or the sink could not read: with {@code errors.tolerance=all} it goes
 * to the errant record reporter (the DLQ, with the reason in its headers); otherwise the task fails with the reason.
 */
public final class BadRecordHandler {

    private final ErrantRecordReporter reporter;
    private final boolean tolerateAll;
    private final SinkTaskMetrics metrics;

    public BadRecordHandler(ErrantRecordReporter reporter, boolean tolerateAll, SinkTaskMetrics metrics) {
        this.reporter = reporter;
        this.tolerateAll = tolerateAll;
        this.metrics = metrics;
    }

    /** Whether a bad record goes to the errant record reporter, which needs the record as Connect handed it over. */
    public boolean reports() {
        return tolerateAll && reporter != null;
    }

    public void handle(SinkRecord record, Exception reason) {
        if (!reports()) {
            String hint = tolerateAll
                    ? " (this worker offers no errant record reporter)"
                    : " (set errors.tolerance=all and errors.deadletterqueue.topic.name to route such records to a DLQ)";
            throw new ConnectException(messageFor(record, reason) + hint, reason);
        }
        // The worker waits for these reports to complete before it commits the record's offset.
        reporter.report(record, reason);
        metrics.recordDeadLettered();
    }

    private static String messageFor(SinkRecord record, Exception reason) {
        String message = reason.getMessage();
        String id = RecordIds.describe(record);
        return message != null && message.startsWith(id) ? message : id + " rejected: " + message;
    }
}
