package com.taosdata.kafka.connect.source;

import com.taosdata.kafka.connect.config.ConnectionConfigs;
import com.taosdata.kafka.connect.config.OfflineValidation;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.Sleeper;
import com.taosdata.kafka.connect.connection.TDengineSession;
import com.taosdata.kafka.connect.schemas.Version;
import com.taosdata.kafka.connect.source.config.ReadMethod;
import com.taosdata.kafka.connect.source.config.SourceConfigRules;
import com.taosdata.kafka.connect.source.config.SourceConfigValidator;
import com.taosdata.kafka.connect.source.config.TDengineSourceConfig;
import com.taosdata.kafka.connect.source.table.SourceTable;
import com.taosdata.kafka.connect.source.table.TableAssignment;
import com.taosdata.kafka.connect.source.table.TableLister;
import com.taosdata.kafka.connect.source.table.TableMonitor;
import com.taosdata.kafka.connect.source.table.TableSelection;
import com.taosdata.kafka.connect.source.table.TablesToRead;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a TDengine database into Kafka, by incremental queries or by TMQ subscription; see
 * {@link TDengineSourceConfig}. A monitor thread re-lists the database every {@code poll.interval.ms} and asks
 * Connect to reconfigure the tasks when tables or super tables appear or disappear.
 */
public class TDengineSourceConnector extends SourceConnector implements OfflineValidation {

    private static final Logger log = LoggerFactory.getLogger(TDengineSourceConnector.class);

    private final Function<TDengineSourceConfig, TableLister> listers;
    private Map<String, String> props;
    private TDengineSourceConfig config;
    private TableLister lister;
    private TableMonitor monitor;
    private Thread monitorThread;

    public TDengineSourceConnector() {
        this(TDengineSourceConnector::tablesToRead);
    }

    TDengineSourceConnector(Function<TDengineSourceConfig, TableLister> listers) {
        this.listers = listers;
    }

    private static TableLister tablesToRead(TDengineSourceConfig config) {
        TDengineSession session = new TDengineSession(ConnectionConfigs.connectionFactory(config), config.database());
        TableSelection selection = new TableSelection(config.stables(), config.tables());
        return config.readMethod() == ReadMethod.QUERY
                ? TablesToRead.toQuery(config.database(), selection, session)
                : TablesToRead.toSubscribe(config.database(), selection, session);
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new TDengineSourceConfig(props);
        SourceConfigRules.enforce(props);
        this.props = Map.copyOf(props);
        lister = listers.apply(config);
        RetryPolicy retry = new RetryPolicy(config.maxRetries(), config.retryBackoffMs(), Sleeper.SYSTEM);
        List<SourceTable> initial;
        try {
            initial = retry.call("listing the tables of " + config.database(), lister::list);
        } catch (RuntimeException e) {
            lister.close();
            throw e;
        }
        log.info(
                "TDengine source: {} {} to read in database {}",
                initial.size(),
                config.readMethod() == ReadMethod.QUERY ? "tables" : "super tables or tables",
                config.database());
        monitor = new TableMonitor(
                initial,
                lister::list,
                config.pollIntervalMs(),
                context::requestTaskReconfiguration,
                context::raiseError);
        monitorThread = new Thread(monitor, "tdengine-source-table-monitor");
        monitorThread.setDaemon(true);
        monitorThread.start();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TDengineSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<SourceTable> tables = monitor.current();
        List<List<SourceTable>> groups = config.readMethod() == ReadMethod.QUERY
                ? TableAssignment.spread(tables, maxTasks)
                // TMQ spreads vgroups over the consumers of a group: every task subscribes to every topic.
                : tables.isEmpty() ? List.of() : Collections.nCopies(maxTasks, tables);
        if (groups.isEmpty()) {
            log.warn(
                    "TDengine source: nothing to read in database {} yet; no task runs until tables appear",
                    config.database());
        }
        List<Map<String, String>> configs = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(TableAssignment.TASK_ID_CONFIG, Integer.toString(i));
            task.put(TableAssignment.TASK_TABLES_CONFIG, TableAssignment.encode(groups.get(i)));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
        if (monitor != null) {
            monitor.stop();
            try {
                monitorThread.join(config.pollIntervalMs() + 5_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (lister != null) {
            lister.close();
        }
    }

    /**
     * Both read methods can run with exactly-once delivery: in query mode each record's offset names the row exactly;
     * in subscription mode a poll's records end on the TMQ position after it, and a task resumes each vgroup there,
     * ahead of TDengine's consumer group or behind it. Offsets committed in the records' transaction therefore resume
     * without duplicates and without gaps.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * Accepts offsets an operator sets or resets ({@code PATCH} or {@code DELETE /connectors/NAME/offsets}) when they
     * have a shape the source reads back ({@link OfferedOffsets}); Connect stores them, and the tasks, which start after
     * (Connect alters the offsets of a STOPPED connector only), resume there: a query-mode table at its position, a
     * subscription-mode vgroup at its position even behind TDengine's committed offset.
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        OfferedOffsets.check(offsets);
        return true;
    }

    @Override
    public ConfigDef config() {
        return TDengineSourceConfig.CONFIG_DEF;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return SourceConfigValidator.validate(connectorConfigs, true);
    }

    @Override
    public Config validateOffline(Map<String, String> connectorConfigs) {
        return SourceConfigValidator.validate(connectorConfigs, false);
    }
}
