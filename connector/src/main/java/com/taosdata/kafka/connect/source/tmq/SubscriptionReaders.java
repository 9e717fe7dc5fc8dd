package com.taosdata.kafka.connect.source.tmq;

import com.taosdata.kafka.connect.config.ConnectionConfigs;
import com.taosdata.kafka.connect.connection.DatabaseCatalog;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.Sleeper;
import com.taosdata.kafka.connect.connection.SqlExceptionTranslator;
import com.taosdata.kafka.connect.connection.TDengineSession;
import com.taosdata.kafka.connect.metrics.SourceTaskMetrics;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.source.config.TDengineSourceConfig;
import com.taosdata.kafka.connect.source.config.TopicNaming;
import com.taosdata.kafka.connect.source.format.RowFormatters;
import com.taosdata.kafka.connect.source.table.SchemaReader;
import com.taosdata.kafka.connect.source.table.SourceTable;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Builds a task's {@link SubscriptionReader}: describes each super table or table of the task, creates its
 * TDengine topic if missing, then subscribes one consumer of {@code subscription.group.id} to all of them. TMQ
 * spreads the topics' vgroups over the group's consumers, one per task.
 */
public final class SubscriptionReaders {

    private SubscriptionReaders() {}

    public static SubscriptionReader create(
            TDengineSourceConfig config,
            List<SourceTable> tables,
            String taskId,
            OffsetStorageReader offsets,
            Sleeper sleeper,
            Function<Properties, TmqConsumer> consumers,
            SourceTaskMetrics metrics) {
        try (TDengineSession session =
                new TDengineSession(ConnectionConfigs.connectionFactory(config), config.database())) {
            return create(config, tables, taskId, offsets, sleeper, consumers, session, metrics);
        }
    }

    /** With the session topics are created over; it is needed only until the consumer has subscribed. */
    static SubscriptionReader create(
            TDengineSourceConfig config,
            List<SourceTable> tables,
            String taskId,
            OffsetStorageReader offsets,
            Sleeper sleeper,
            Function<Properties, TmqConsumer> consumers,
            TDengineSession session,
            SourceTaskMetrics metrics) {
        String database = config.database();
        RetryPolicy retry = new RetryPolicy(config.maxRetries(), config.retryBackoffMs(), sleeper);
        Properties properties = TmqProperties.build(
                ConnectionConfigs.url(config),
                ConnectionConfigs.credentials(config),
                config.groupId(),
                config.groupId() + "-" + taskId,
                config.subscriptionFrom().configValue());
        List<TmqSubscription> subscriptions = prepareTopics(config, tables, retry, session);
        TmqConsumer consumer = consumers.apply(properties);
        SubscriptionReader reader = new SubscriptionReader(
                consumer,
                subscriptions,
                database,
                RowFormatters.create(config.outFormat(), config.outputPrecision()),
                retry,
                Duration.ofMillis(config.pollIntervalMs()),
                offsets::offset,
                metrics,
                TmqProperties.MESSAGE_ROWS);
        try {
            reader.start();
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    private static List<TmqSubscription> prepareTopics(
            TDengineSourceConfig config, List<SourceTable> tables, RetryPolicy retry, TDengineSession session) {
        String database = config.database();
        SchemaReader schemas = new SchemaReader(database);
        TopicNaming naming = config.topicNaming();
        TimestampUnit precision = retry.call(
                "reading the precision of " + database,
                () -> session.call(connection -> DatabaseCatalog.existingPrecision(connection, database)));
        List<TmqSubscription> subscriptions = new ArrayList<>(tables.size());
        for (SourceTable table : tables) {
            Optional<TableSchema> described = schemas.describeUnlessDropped(session, retry, table, precision);
            if (described.isEmpty()) {
                continue;
            }
            TableSchema schema = described.get();
            String topic = TmqTopics.name(database, table.name());
            String sql = TmqTopics.createSql(topic, schema, table.name());
            retry.call("creating TDengine topic " + topic, () -> session.call(c -> execute(c, sql, topic)));
            String definition =
                    retry.call("reading TDengine topic " + topic, () -> session.call(c -> definition(c, topic)));
            if (definition != null && !TmqTopics.selectsTableName(definition)) {
                throw new ConnectException("TDengine topic `" + topic + "` exists without the child table name column ("
                        + definition.trim() + "), so its rows cannot be keyed by table; it was made by an earlier "
                        + "tdconnect or by hand. Drop it once no consumer uses it (DROP TOPIC `" + topic + "`) and the "
                        + "connector creates it again as: " + sql);
            }
            subscriptions.add(new TmqSubscription(topic, schema, naming.topicFor(table.measurement())));
        }
        return subscriptions;
    }

    private static String definition(Connection connection, String topic) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(TmqTopics.definitionSql(topic))) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("reading TDengine topic " + topic, e);
        }
    }

    private static Void execute(Connection connection, String sql, String topic) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return null;
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("creating TDengine topic " + topic, e);
        }
    }
}
