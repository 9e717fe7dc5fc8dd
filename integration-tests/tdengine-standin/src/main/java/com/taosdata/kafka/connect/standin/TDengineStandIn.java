package com.taosdata.kafka.connect.standin;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for TDengine behind taosAdapter, for tests: the REST SQL API and the InfluxDB / OpenTSDB
 * schemaless endpoints on 127.0.0.1, with rows kept in an embedded in-memory H2 database. See the module's
 * README for what is implemented and where each rule comes from.
 *
 * <p>A malformed line or a type conflict fails a whole schemaless request: every line is parsed and type-checked
 * before anything is written (TDengine's client parses the whole batch first, schemaless doc rule 7 "Errors …
 * interrupt the writing process and return an error code"). A timestamp out of range does not: as on a real
 * server, it fails the rows of its vgroup and the other vgroups' rows are written.
 */
public final class TDengineStandIn implements AutoCloseable {
    private final StandInOptions options;
    private final H2Store h2;
    private final StandInServer server;
    /** The same endpoints over HTTPS, or null. */
    private final StandInServer tlsServer;

    private TDengineStandIn(StandInOptions options) throws IOException {
        this.options = options;
        this.h2 = new H2Store();
        StandInServer plain = null;
        try {
            Catalog catalog = new Catalog(h2, options.databaseCreationDelayMillis());
            RowWriter rows = new RowWriter(h2);
            RequestLogin auth = new RequestLogin(new BasicAuth(options.user(), options.password()), options.token());
            SqlEndpoint sql = new SqlEndpoint(auth, new SqlExecutor(catalog, h2, rows));
            SchemalessEndpoint schemaless = new SchemalessEndpoint(auth, new SmlPointApplier(catalog, rows));
            plain = new StandInServer(options.port(), sql, schemaless, null);
            this.server = plain;
            this.tlsServer = options.tls() == null ? null : new StandInServer(0, sql, schemaless, options.tls());
        } catch (IOException | RuntimeException e) {
            if (plain != null) {
                plain.close();
            }
            h2.close();
            throw e;
        }
    }

    /** Starts with the default user {@code root}/{@code taosdata}; port 0 picks a free port. */
    public static TDengineStandIn start(int port) throws IOException {
        return start(StandInOptions.defaults().withPort(port));
    }

    public static TDengineStandIn start(StandInOptions options) throws IOException {
        return new TDengineStandIn(options);
    }

    public int port() {
        return server.port();
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The HTTPS port, when started {@link StandInOptions#withTls with TLS}. */
    public int tlsPort() {
        if (tlsServer == null) {
            throw new IllegalStateException(
                    "this stand-in serves plain HTTP only; start it with StandInOptions.withTls");
        }
        return tlsServer.port();
    }

    /**
     * A URL for taos-jdbcdriver's RestfulDriver with the user and password in it (the documented
     * {@code jdbc:TAOS-RS://host:port/?user=…&password=…} form), so no properties are needed.
     */
    public String jdbcUrl() {
        return jdbcUrl("");
    }

    /** As {@link #jdbcUrl()}, with a default database (the driver then sends {@code /rest/sql/<db>}). */
    public String jdbcUrl(String database) {
        return "jdbc:TAOS-RS://127.0.0.1:" + port() + "/" + database + "?user=" + encode(options.user()) + "&password="
                + encode(options.password());
    }

    public String user() {
        return options.user();
    }

    public String password() {
        return options.password();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (tlsServer != null) {
            tlsServer.close();
        }
        server.close();
        h2.close();
    }

    /** Standalone: {@code --port N} (default 6041), prints the URLs, runs until killed. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 6041;
        for (int i = 0; i < args.length; i++) {
            if ("--port".equals(args[i]) && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            }
        }
        TDengineStandIn standIn = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close));
        System.out.println("TDengine stand-in listening on " + standIn.httpUrl());
        System.out.println("JDBC URL: " + standIn.jdbcUrl());
        new CountDownLatch(1).await();
    }
}
