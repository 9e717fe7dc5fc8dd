package com.taosdata.kafka.connect.standin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The HTTP server: routes taosAdapter's paths to their endpoints; anything else is 404. */
public final class StandInServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    public StandInServer(int port, SqlEndpoint sql, SchemalessEndpoint schemaless) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.createContext("/", exchange -> {
            try (exchange) {
                HttpExchanges.sendNotFound(exchange);
            }
        });
        server.createContext("/rest/sql", sql);
        server.createContext("/influxdb/v1/", schemaless);
        server.createContext("/opentsdb/v1/", schemaless);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread t = new Thread(runnable, "tdengine-standin-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
