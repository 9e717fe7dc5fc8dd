package com.taosdata.kafka.connect.standin;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** The HTTP (or HTTPS) server: routes taosAdapter's paths to their endpoints; anything else is 404. */
public final class StandInServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    /** @param tls the server certificate for HTTPS; null for plain HTTP */
    public StandInServer(int port, SqlEndpoint sql, SchemalessEndpoint schemaless, SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (tls == null) {
            server = HttpServer.create(address, 128);
        } else {
            HttpsServer https = HttpsServer.create(address, 128);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
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
