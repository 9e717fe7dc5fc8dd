package com.taosdata.kafka.connect.connection;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * A parsed {@code connection.url}: transport, host, port and URL parameters.
 * User, password and token are kept out of it on purpose; they travel as driver properties and are never logged.
 */
public final class TDengineUrl {

    private final Transport transport;
    private final String host;
    private final int port;
    private final Map<String, String> parameters;

    private TDengineUrl(Transport transport, String host, int port, Map<String, String> parameters) {
        this.transport = transport;
        this.host = host;
        this.port = port;
        this.parameters = parameters;
    }

    public static TDengineUrl parse(String key, String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigException(key, url, "is required, e.g. jdbc:TAOS-WS://localhost:6041");
        }
        String trimmed = url.trim();
        int schemeEnd = trimmed.indexOf("://");
        String afterScheme = schemeEnd < 0 ? trimmed : trimmed.substring(schemeEnd + 3);
        int query = afterScheme.indexOf('?');
        String authority = query < 0 ? afterScheme : afterScheme.substring(0, query);
        Map<String, String> parameters = query < 0 ? Map.of() : parseParameters(afterScheme.substring(query + 1));
        // Checked before anything that echoes the URL in a message, so a password in it is never shown.
        refuseCredentials(key, authority, parameters);
        Transport transport = Arrays.stream(Transport.values())
                .filter(t ->
                        trimmed.regionMatches(true, 0, t.prefix(), 0, t.prefix().length()))
                .findFirst()
                .orElseThrow(() -> new ConfigException(
                        key,
                        url,
                        "unknown scheme: use jdbc:TAOS://host:6030 (native), "
                                + "jdbc:TAOS-WS://host:6041 (WebSocket) or jdbc:TAOS-RS://host:6041 (REST)"));
        int slash = authority.indexOf('/');
        if (slash >= 0) {
            String path = authority.substring(slash + 1);
            if (!path.isEmpty()) {
                throw new ConfigException(key, url, "must not name a database; use connection.database instead");
            }
            authority = authority.substring(0, slash);
        }
        String host = authority;
        int port = transport.defaultPort();
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            host = authority.substring(0, colon);
            String portText = authority.substring(colon + 1);
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new ConfigException(key, url, "port '" + portText + "' is not a number");
            }
            if (port < 1 || port > 65535) {
                throw new ConfigException(key, url, "port " + port + " is out of range 1-65535");
            }
        }
        if (host.isEmpty() && transport != Transport.NATIVE) {
            throw new ConfigException(key, url, "needs a host: taosAdapter has no default endpoint");
        }
        return new TDengineUrl(transport, host, port, parameters);
    }

    /**
     * {@code user:password@host}, {@code ?user=…&password=…} or {@code ?token=…}: refused, and the URL is not repeated
     * in the message.
     */
    private static void refuseCredentials(String key, String authority, Map<String, String> parameters) {
        int slash = authority.indexOf('/');
        if ((slash < 0 ? authority : authority.substring(0, slash)).indexOf('@') >= 0) {
            throw new ConfigException(
                    key,
                    "(hidden)",
                    "must not carry a user or password before '@'; use "
                            + "connection.user and connection.password so the password stays masked");
        }
        for (String name : parameters.keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("user") || lower.equals("password")) {
                throw new ConfigException(
                        key,
                        "(hidden)",
                        "must not carry '" + name
                                + "'; use connection.user and connection.password so the password stays masked");
            }
            if (lower.equals("token")) {
                throw new ConfigException(
                        key,
                        "(hidden)",
                        "must not carry '" + name + "'; use connection.token so the token stays masked");
            }
        }
    }

    private static Map<String, String> parseParameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            parameters.put(name, eq < 0 ? "" : pair.substring(eq + 1));
        }
        return Collections.unmodifiableMap(parameters);
    }

    public Transport transport() {
        return transport;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public boolean useSsl() {
        return Boolean.parseBoolean(parameters.getOrDefault("useSSL", "false"));
    }

    /** The JDBC URL for the driver, optionally opening {@code database} as the connection's current one. */
    public String jdbcUrl(String database) {
        String query = parameters.entrySet().stream()
                .map(e -> e.getValue().isEmpty() ? e.getKey() : e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return transport.prefix() + host + ":" + port + "/" + (database == null ? "" : database)
                + (query.isEmpty() ? "" : "?" + query);
    }

    /** taosAdapter's HTTP base URL, for the REST transport. */
    public String httpBaseUrl() {
        return (useSsl() ? "https://" : "http://") + host + ":" + port;
    }

    @Override
    public String toString() {
        return jdbcUrl(null);
    }
}
