package com.taosdata.kafka.connect.source.table;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.TDengineException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-lists the database every {@code poll.interval.ms} and tells the connector when the tables to read changed,
 * so that new tables and super tables are picked up without a restart. Transient failures are logged and retried
 * at the next check; anything else is handed to {@code onFailure}, which fails the connector with the cause.
 */
public final class TableMonitor implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TableMonitor.class);

    private final Supplier<List<SourceTable>> lister;
    private final long intervalMs;
    private final Runnable onChange;
    private final Consumer<RuntimeException> onFailure;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile List<SourceTable> current;

    public TableMonitor(
            List<SourceTable> initial,
            Supplier<List<SourceTable>> lister,
            long intervalMs,
            Runnable onChange,
            Consumer<RuntimeException> onFailure) {
        this.current = List.copyOf(initial);
        this.lister = lister;
        this.intervalMs = intervalMs;
        this.onChange = onChange;
        this.onFailure = onFailure;
    }

    public List<SourceTable> current() {
        return current;
    }

    @Override
    public void run() {
        try {
            while (!stopped.await(intervalMs, TimeUnit.MILLISECONDS)) {
                if (!checkOnce()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One check; false when the monitor gave up after a non-transient failure. */
    boolean checkOnce() {
        List<SourceTable> latest;
        try {
            latest = List.copyOf(lister.get());
        } catch (TDengineException e) {
            if (e.kind() == ErrorKind.TRANSIENT) {
                log.warn(
                        "Could not list the tables of the source database ({}); trying again in {} ms",
                        e.getMessage(),
                        intervalMs);
                return true;
            }
            onFailure.accept(e);
            return false;
        } catch (RuntimeException e) {
            log.warn(
                    "Could not list the tables of the source database ({}); trying again in {} ms",
                    e.getMessage(),
                    intervalMs);
            return true;
        }
        if (!Objects.equals(latest, current)) {
            log.info(
                    "Source tables changed from {} to {} tables; requesting task reconfiguration",
                    current.size(),
                    latest.size());
            current = latest;
            onChange.run();
        }
        return true;
    }

    public void stop() {
        stopped.countDown();
    }
}
