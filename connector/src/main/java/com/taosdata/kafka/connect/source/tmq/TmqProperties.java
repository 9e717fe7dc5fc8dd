package com.taosdata.kafka.connect.source.tmq;

import com.taosdata.jdbc.tmq.TMQConstants;
import com.taosdata.kafka.connect.config.ConnectionConfigs;
import com.taosdata.kafka.connect.connection.Credentials;
import com.taosdata.kafka.connect.connection.TDengineUrl;
import com.taosdata.kafka.connect.connection.Transport;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;

/**
 * Consumer properties for taos-jdbcdriver's {@code TaosConsumer}: transport from {@code connection.url}, manual
 * commits only, rows as value arrays with their column labels ({@link DriverRowDeserializer}; the child table comes as
 * column {@link TmqTopics#TABLE_NAME_COLUMN}).
 */
public final class TmqProperties {

    /**
     * The rows after which a vnode ends a TMQ message ({@code min.poll.rows}, TDengine's default): it may end it in the
     * middle of a WAL entry, after the blocks of some of the entry's child tables, and the message's end position
     * then lies past the entry although its other blocks are still to come. A message with fewer rows ended where the
     * vnode's WAL ended, at an entry's end.
     */
    public static final int MESSAGE_ROWS = 4096;
    /** Long enough that the vnode never ends a message for time, so that only {@link #MESSAGE_ROWS} ends it early. */
    static final String SCAN_WAIT_MS = Integer.toString(Integer.MAX_VALUE);

    private TmqProperties() {}

    public static Properties build(
            TDengineUrl url, Credentials credentials, String groupId, String clientId, String offsetReset) {
        if (url.transport() == Transport.REST) {
            throw new ConfigException(
                    ConnectionConfigs.CONNECTION_URL_CONFIG,
                    url.toString(),
                    "read.method=subscription needs jdbc:TAOS-WS:// or jdbc:TAOS://; TMQ is not available over REST");
        }
        Properties properties = new Properties();
        properties.setProperty(TMQConstants.CONNECT_TYPE, url.transport() == Transport.NATIVE ? "jni" : "ws");
        if (!url.host().isEmpty()) {
            properties.setProperty(TMQConstants.CONNECT_IP, url.host());
            properties.setProperty(TMQConstants.CONNECT_PORT, Integer.toString(url.port()));
            properties.setProperty(TMQConstants.BOOTSTRAP_SERVERS, url.host() + ":" + url.port());
        }
        if (url.useSsl()) {
            properties.setProperty(TMQConstants.CONNECT_USE_SSL, "true");
        }
        credentials.addToConsumer(properties);
        properties.setProperty(TMQConstants.GROUP_ID, groupId);
        properties.setProperty(TMQConstants.CLIENT_ID, clientId);
        // Offsets are committed by the connector once Kafka has the records, never by the driver on its own.
        properties.setProperty(TMQConstants.ENABLE_AUTO_COMMIT, "false");
        properties.setProperty(TMQConstants.AUTO_OFFSET_RESET, offsetReset);
        properties.setProperty(TMQConstants.VALUE_DESERIALIZER, DriverRowDeserializer.class.getName());
        // The JNI consumer hands these to tmq_conf_set; the WebSocket one sends properties it does not know itself in
        // its subscription's config, which taosAdapter hands to tmq_conf_set in turn.
        properties.setProperty("min.poll.rows", Integer.toString(MESSAGE_ROWS));
        properties.setProperty("fetch.max.wait.ms", SCAN_WAIT_MS);
        return properties;
    }
}
