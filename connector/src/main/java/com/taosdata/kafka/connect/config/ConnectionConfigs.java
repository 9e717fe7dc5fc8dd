package com.taosdata.kafka.connect.config;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.Credentials;
import com.taosdata.kafka.connect.connection.TDengineUrl;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;

/** The {@code connection.*} keys both connectors share, with the names and meaning of TDengine's Kafka tutorial. */
public final class ConnectionConfigs {

    public static final String GROUP = "Connection";

    public static final String CONNECTION_URL_CONFIG = "connection.url";
    private static final String CONNECTION_URL_DOC = "TDengine JDBC URL. jdbc:TAOS://host:6030 uses the native client "
            + "(libtaos must be installed on every worker); jdbc:TAOS-WS://host:6041 uses taosAdapter's WebSocket API "
            + "(pure Java, recommended); jdbc:TAOS-RS://host:6041 uses taosAdapter's HTTP API. Add ?useSSL=true for TLS. "
            + "User and password go in their own keys, never in the URL.";
    private static final String CONNECTION_URL_DISPLAY = "JDBC URL";

    public static final String CONNECTION_USER_CONFIG = "connection.user";
    private static final String CONNECTION_USER_DOC = "TDengine user.";
    public static final String CONNECTION_USER_DEFAULT = "root";
    private static final String CONNECTION_USER_DISPLAY = "User";

    public static final String CONNECTION_PASSWORD_CONFIG = "connection.password";
    private static final String CONNECTION_PASSWORD_DOC = "TDengine password.";
    public static final String CONNECTION_PASSWORD_DEFAULT = "taosdata";
    private static final String CONNECTION_PASSWORD_DISPLAY = "Password";

    public static final String CONNECTION_TOKEN_CONFIG = "connection.token";
    private static final String CONNECTION_TOKEN_DOC = "TDengine Cloud token, in place of connection.user and "
            + "connection.password (set neither with it). WebSocket and REST URLs only, with ?useSSL=true; the "
            + "drivers send it as the token parameter TDengine Cloud reads. Unset: log in with user and password.";
    private static final String CONNECTION_TOKEN_DISPLAY = "Cloud token";

    public static final String CONNECTION_DATABASE_CONFIG = "connection.database";
    public static final String CONNECTION_ATTEMPTS_CONFIG = "connection.attempts";
    private static final String CONNECTION_ATTEMPTS_DOC = "Accepted for compatibility with TDengine's Kafka tutorial; "
            + "it has no effect. The connectors open a connection as part of the operation they retry (max.retries, "
            + "retry.backoff.ms), so a second retry layer would only multiply that budget.";
    public static final int CONNECTION_ATTEMPTS_DEFAULT = 3;
    private static final String CONNECTION_ATTEMPTS_DISPLAY = "Connection attempts";

    public static final String CONNECTION_BACKOFF_MS_CONFIG = "connection.backoff.ms";
    private static final String CONNECTION_BACKOFF_MS_DOC =
            "Accepted for compatibility with TDengine's Kafka tutorial; "
                    + "like connection.attempts, it has no effect: retry.backoff.ms spaces the retries.";
    public static final long CONNECTION_BACKOFF_MS_DEFAULT = 5000L;
    private static final String CONNECTION_BACKOFF_MS_DISPLAY = "Connection backoff (ms)";

    public static final String REQUEST_TIMEOUT_MS_CONFIG = "request.timeout.ms";
    private static final String REQUEST_TIMEOUT_MS_DOC =
            "How long one HTTP request to taosAdapter may take (REST transport) "
                    + "before it counts as a transient failure and is retried.";
    public static final long REQUEST_TIMEOUT_MS_DEFAULT = 60_000L;
    private static final String REQUEST_TIMEOUT_MS_DISPLAY = "Request timeout (ms)";

    private ConnectionConfigs() {}

    /** Defines the shared keys (all but {@code connection.database}, whose meaning differs per connector). */
    public static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def.define(
                        CONNECTION_URL_CONFIG,
                        ConfigDef.Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new UrlValidator(),
                        ConfigDef.Importance.HIGH,
                        CONNECTION_URL_DOC,
                        GROUP,
                        ++order,
                        ConfigDef.Width.LONG,
                        CONNECTION_URL_DISPLAY)
                .define(
                        CONNECTION_USER_CONFIG,
                        ConfigDef.Type.STRING,
                        CONNECTION_USER_DEFAULT,
                        new ConfigDef.NonEmptyString(),
                        ConfigDef.Importance.HIGH,
                        CONNECTION_USER_DOC,
                        GROUP,
                        ++order,
                        ConfigDef.Width.MEDIUM,
                        CONNECTION_USER_DISPLAY)
                .define(
                        CONNECTION_PASSWORD_CONFIG,
                        ConfigDef.Type.PASSWORD,
                        CONNECTION_PASSWORD_DEFAULT,
                        ConfigDef.Importance.HIGH,
                        CONNECTION_PASSWORD_DOC,
                        GROUP,
                        ++order,
                        ConfigDef.Width.MEDIUM,
                        CONNECTION_PASSWORD_DISPLAY)
                .define(
                        CONNECTION_TOKEN_CONFIG,
                        ConfigDef.Type.PASSWORD,
                        null,
                        ConfigDef.Importance.MEDIUM,
                        CONNECTION_TOKEN_DOC,
                        GROUP,
                        ++order,
                        ConfigDef.Width.LONG,
                        CONNECTION_TOKEN_DISPLAY)
                .define(
                        CONNECTION_ATTEMPTS_CONFIG,
                        ConfigDef.Type.INT,
                        CONNECTION_ATTEMPTS_DEFAULT,
                        ConfigDef.Range.atLeast(1),
                        ConfigDef.Importance.LOW,
                        CONNECTION_ATTEMPTS_DOC,
                        GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        CONNECTION_ATTEMPTS_DISPLAY)
                .define(
                        CONNECTION_BACKOFF_MS_CONFIG,
                        ConfigDef.Type.LONG,
                        CONNECTION_BACKOFF_MS_DEFAULT,
                        ConfigDef.Range.atLeast(0),
                        ConfigDef.Importance.LOW,
                        CONNECTION_BACKOFF_MS_DOC,
                        GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        CONNECTION_BACKOFF_MS_DISPLAY)
                .define(
                        REQUEST_TIMEOUT_MS_CONFIG,
                        ConfigDef.Type.LONG,
                        REQUEST_TIMEOUT_MS_DEFAULT,
                        ConfigDef.Range.atLeast(1),
                        ConfigDef.Importance.LOW,
                        REQUEST_TIMEOUT_MS_DOC,
                        GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        REQUEST_TIMEOUT_MS_DISPLAY);
    }

    public static TDengineUrl url(AbstractConfig config) {
        return TDengineUrl.parse(CONNECTION_URL_CONFIG, config.getString(CONNECTION_URL_CONFIG));
    }

    public static ConnectionFactory connectionFactory(AbstractConfig config) {
        return new ConnectionFactory(
                url(config), credentials(config), Duration.ofMillis(config.getLong(REQUEST_TIMEOUT_MS_CONFIG)));
    }

    /** The token when one is set (validation refuses it next to a user or password), else user and password. */
    public static Credentials credentials(AbstractConfig config) {
        Password token = config.getPassword(CONNECTION_TOKEN_CONFIG);
        if (token != null) {
            return Credentials.token(token);
        }
        return Credentials.userAndPassword(
                config.getString(CONNECTION_USER_CONFIG), config.getPassword(CONNECTION_PASSWORD_CONFIG));
    }

    /**
     * The rules between the connection keys, for a connector's {@code validate()}: messages go on the keys'
     * {@link ConfigValue}s. Call it once each key is valid on its own.
     */
    public static void checkRules(Map<String, String> props, Map<String, ConfigValue> values) {
        CredentialRules.check(props, values);
    }

    /** Checks the URL's form at definition time, so a bad scheme fails validation with its own message. */
    static final class UrlValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                throw new ConfigException(name, null, "is required, e.g. jdbc:TAOS-WS://localhost:6041");
            }
            TDengineUrl.parse(name, value.toString());
        }

        @Override
        public String toString() {
            return "jdbc:TAOS://host:port, jdbc:TAOS-WS://host:port or jdbc:TAOS-RS://host:port";
        }
    }
}
