package com.taosdata.kafka.connect.it.bench;

import com.taosdata.jdbc.AbstractConnection;
import com.taosdata.jdbc.enums.SchemalessProtocolType;
import com.taosdata.jdbc.enums.SchemalessTimestampType;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline the sink is measured against: TDengine's own schemaless writer with {@value #LINES_PER_CALL} lines per
 * call and nothing else — taos-jdbcdriver's {@code AbstractConnection.write} of a line array for native URLs, its
 * {@code writeRaw} of the lines joined by line feeds for WebSocket URLs (its array write sends one request per line
 * there), a plain POST to taosAdapter's InfluxDB endpoint for REST. With several threads, each writes its share of the
 * devices on its own connection, as tasks of a sink would with one partition each.
 */
final class DirectWriter {

    static final int LINES_PER_CALL = 10_000;

    private DirectWriter() {}

    static void write(TDengineTarget td, String database, List<String> lines) throws Exception {
        write(td, database, lines, 1);
    }

    static void write(TDengineTarget td, String database, List<String> lines, int threads) throws Exception {
        List<List<String>> shares = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            shares.add(new ArrayList<>());
        }
        // The bench's lines cycle through 100 devices, so every share holds whole devices: no table is written by two
        // threads.
        for (int i = 0; i < lines.size(); i++) {
            shares.get(i % threads).add(lines.get(i));
        }
        List<Session> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> writers = new ArrayList<>();
            for (List<String> share : shares) {
                // Opened here: the driver's WebSocket URLs are not found by DriverManager from the pool's threads.
                Session session = Session.open(td, database);
                sessions.add(session);
                writers.add(pool.submit(() -> {
                    for (int from = 0; from < share.size(); from += LINES_PER_CALL) {
                        session.write(share.subList(from, Math.min(share.size(), from + LINES_PER_CALL)));
                    }
                    return null;
                }));
            }
            for (Future<Void> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
            for (Session session : sessions) {
                session.close();
            }
        }
    }

    /** One writer's connection: each {@link #write} is one schemaless call, as the class describes. */
    static final class Session implements AutoCloseable {

        private final TDengineTarget td;
        private final String database;
        private final Connection connection;
        private final HttpClient http;

        private Session(TDengineTarget td, String database, Connection connection, HttpClient http) {
            this.td = td;
            this.database = database;
            this.connection = connection;
            this.http = http;
        }

        static Session open(TDengineTarget td, String database) throws SQLException {
            td.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` PRECISION 'ns'");
            return td.isRest()
                    ? new Session(td, database, null, HttpClient.newHttpClient())
                    : new Session(td, database, connectTo(td, database), null);
        }

        void write(List<String> chunk) throws Exception {
            long start = System.nanoTime();
            send(chunk);
            CallTimes.record(System.nanoTime() - start);
        }

        private void send(List<String> chunk) throws Exception {
            if (http != null) {
                writeHttp(chunk);
            } else if (td.isNative()) {
                connection
                        .unwrap(AbstractConnection.class)
                        .write(
                                chunk.toArray(new String[0]),
                                SchemalessProtocolType.LINE,
                                SchemalessTimestampType.NANO_SECONDS,
                                null,
                                null);
            } else {
                connection
                        .unwrap(AbstractConnection.class)
                        .writeRaw(
                                String.join("\n", chunk),
                                SchemalessProtocolType.LINE,
                                SchemalessTimestampType.NANO_SECONDS,
                                null,
                                null);
            }
        }

        private void writeHttp(List<String> chunk) throws Exception {
            String auth = "Basic "
                    + Base64.getEncoder()
                            .encodeToString((td.user() + ":" + td.password()).getBytes(StandardCharsets.UTF_8));
            URI uri = URI.create(
                    "http://" + td.host() + ":" + td.port() + "/influxdb/v1/write?db=" + database + "&precision=ns");
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Authorization", auth)
                            .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", chunk)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "direct write failed: HTTP " + response.statusCode() + " " + response.body());
            }
        }

        @Override
        public void close() throws SQLException {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** A connection whose current database is {@code database}: the driver's schemaless writes go there. */
    private static Connection connectTo(TDengineTarget td, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", td.user());
        properties.setProperty("password", td.password());
        String url = td.connectionUrl().endsWith("/") ? td.connectionUrl() : td.connectionUrl() + "/";
        return DriverManager.getConnection(url + database, properties);
    }
}
