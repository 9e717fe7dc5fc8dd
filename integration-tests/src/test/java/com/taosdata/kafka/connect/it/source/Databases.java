package com.taosdata.kafka.connect.it.source;

import static org.awaitility.Awaitility.await;

import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Drops the TDengine databases a test created after it. Registered with a lower {@code @Order} than the
 * {@code Connectors} extension, so that its after-callback runs last: a source connector still running on a dropped
 * database fails (its table monitor reports the missing database), which is noise in the worker's log.
 */
public final class Databases implements AfterEachCallback {

    private final TDengineTarget tdengine;
    private final List<String> created = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();

    public Databases(TDengineTarget tdengine) {
        this.tdengine = tdengine;
    }

    /** Remembers {@code database} for dropping and returns it. */
    public String add(String database) {
        created.add(database);
        return database;
    }

    /**
     * Remembers a TDengine (TMQ) topic to drop before the databases: TDengine refuses to drop a database that a
     * topic reads, and a topic while consumers of a deleted connector are still leaving its group.
     */
    public void addTopic(String topic) {
        topics.add(topic);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        topics.forEach(topic -> await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> {
                    tdengine.execute("DROP TOPIC IF EXISTS `" + topic + "`");
                    return true;
                }));
        topics.clear();
        created.forEach(tdengine::dropDatabase);
        created.clear();
    }
}
