package com.taosdata.kafka.connect.it.harness;

import com.taosdata.jdbc.tmq.MapDeserializer;
import com.taosdata.jdbc.tmq.TMQConstants;
import com.taosdata.kafka.connect.standin.TDengineStandIn;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TDengine the integration tests write to: a real server when {@code TDENGINE_URL} is set (a JDBC URL,
 * {@code jdbc:TAOS://}, {@code jdbc:TAOS-WS://} or {@code jdbc:TAOS-RS://}; credentials from {@code TDENGINE_USER}
 * and {@code TDENGINE_PASSWORD}, default root/taosdata), the stand-in otherwise. Tests query it through the
 * TDengine JDBC driver either way, so they assert what TDengine documents, not what the stand-in happens to do.
 */
public final class TDengineTarget implements AutoCloseable {

    private static final Pattern URL = Pattern.compile(
            "(jdbc:TAOS(?:-WS|-RS)?://)([^:/?]*)(?::(\\d+))?(?:/[^?]*)?(\\?.*)?", Pattern.CASE_INSENSITIVE);

    private final String scheme;
    private final String host;
    private final int port;
    private final String parameters;
    private final String user;
    private final String password;
    private final TDengineStandIn standIn;

    private TDengineTarget(String url, String user, String password, TDengineStandIn standIn) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "TDENGINE_URL must be a TDengine JDBC URL such as jdbc:TAOS-WS://host:6041, not " + url);
        }
        this.scheme = m.group(1);
        this.host = m.group(2).isEmpty() ? "localhost" : m.group(2);
        this.port = m.group(3) != null
                ? Integer.parseInt(m.group(3))
                : scheme.toUpperCase(Locale.ROOT).contains("-") ? 6041 : 6030;
        this.parameters = m.group(4) == null ? "" : m.group(4);
        this.user = user;
        this.password = password;
        this.standIn = standIn;
    }

    public static TDengineTarget fromEnvironment() throws Exception {
        String url = System.getenv("TDENGINE_URL");
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault("TDENGINE_USER", "root");
            String password = System.getenv().getOrDefault("TDENGINE_PASSWORD", "taosdata");
            System.out.println("[tdconnect-it] TDengine: REAL server at " + url);
            return new TDengineTarget(url.trim(), user, password, null);
        }
        TDengineStandIn standIn = TDengineStandIn.start(0);
        System.out.println("[tdconnect-it] TDengine: STAND-IN (TDENGINE_URL not set) at " + standIn.httpUrl());
        return new TDengineTarget("jdbc:TAOS-RS://127.0.0.1:" + standIn.port(), "root", "taosdata", standIn);
    }

    /** Whether {@code TDENGINE_URL} names a native ({@code jdbc:TAOS://}) server, which needs the client library. */
    public static boolean nativeFromEnvironment() {
        String url = System.getenv("TDENGINE_URL");
        return url != null && url.trim().toUpperCase(Locale.ROOT).startsWith("JDBC:TAOS://");
    }

    public boolean isStandIn() {
        return standIn != null;
    }

    public boolean isNative() {
        return scheme.equalsIgnoreCase("jdbc:TAOS://");
    }

    /** Whether the URL is taosAdapter's REST API ({@code jdbc:TAOS-RS://}), as the stand-in's is. */
    public boolean isRest() {
        return scheme.equalsIgnoreCase("jdbc:TAOS-RS://");
    }

    /** Whether this TDengine offers TMQ subscriptions: a real server over a native or WebSocket URL. */
    public boolean offersTmq() {
        return !isStandIn() && !isRest();
    }

    /**
     * Properties of a taos-jdbcdriver {@code TaosConsumer} of this TDengine (see {@link #offersTmq()}): consumer group
     * {@code groupId}, starting at the earliest row, rows as column maps, no automatic commits.
     */
    public Properties tmqConsumerProperties(String groupId, String clientId) {
        Properties properties = new Properties();
        properties.setProperty(TMQConstants.CONNECT_TYPE, isNative() ? "jni" : "ws");
        properties.setProperty(TMQConstants.CONNECT_IP, host);
        properties.setProperty(TMQConstants.CONNECT_PORT, Integer.toString(port));
        properties.setProperty(TMQConstants.BOOTSTRAP_SERVERS, host + ":" + port);
        properties.setProperty(TMQConstants.CONNECT_USER, user);
        properties.setProperty(TMQConstants.CONNECT_PASS, password);
        properties.setProperty(TMQConstants.GROUP_ID, groupId);
        properties.setProperty(TMQConstants.CLIENT_ID, clientId);
        properties.setProperty(TMQConstants.ENABLE_AUTO_COMMIT, "false");
        properties.setProperty(TMQConstants.AUTO_OFFSET_RESET, "earliest");
        properties.setProperty(TMQConstants.VALUE_DESERIALIZER, MapDeserializer.class.getName());
        return properties;
    }

    /** The value of {@code connection.url} for connectors writing to this TDengine. */
    public String connectionUrl() {
        return urlVia(host, port);
    }

    /** The same URL with another address, e.g. a proxy in front of this TDengine. */
    public String urlVia(String viaHost, int viaPort) {
        return scheme + viaHost + ":" + viaPort + parameters;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The connector settings that point at this TDengine. */
    public Map<String, String> connectionConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connection.url", connectionUrl());
        config.put("connection.user", user);
        config.put("connection.password", password);
        return config;
    }

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(connectionUrl(), properties);
    }

    /** Rows as maps from lower-case column label to value; timestamps as {@link Timestamp} with their nanoseconds. */
    public List<Map<String, Object>> query(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = meta.getColumnType(i) == Types.TIMESTAMP ? rows.getTimestamp(i) : rows.getObject(i);
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value);
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The count a {@code SELECT COUNT(*)} returns; 0 when the table does not exist yet. */
    public long count(String table) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    public void execute(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Drops every TMQ topic, then every database, whose name contains {@code marker}; a topic blocks its database. */
    public void dropTopicsAndDatabasesNamedWith(String marker) {
        for (Map<String, Object> topic : query("SELECT topic_name FROM information_schema.ins_topics")) {
            String name = text(topic.get("topic_name"));
            if (name.contains(marker)) {
                execute("DROP TOPIC IF EXISTS `" + name + "`");
            }
        }
        for (Map<String, Object> database : query("SELECT name FROM information_schema.ins_databases")) {
            String name = text(database.get("name"));
            if (name.contains(marker)) {
                dropDatabase(name);
            }
        }
    }

    /** VARCHAR values come as bytes over the native driver and as strings over the others. */
    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    public void dropDatabase(String database) {
        execute("DROP DATABASE IF EXISTS `" + database + "`");
    }

    /** Nanoseconds since the epoch of a TIMESTAMP value read through JDBC. */
    public static long epochNanos(Object timestamp) {
        Timestamp ts = (Timestamp) timestamp;
        return Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
    }

    @Override
    public void close() {
        if (standIn != null) {
            standIn.close();
        }
    }
}
