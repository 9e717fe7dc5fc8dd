package com.taosdata.kafka.connect.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.utils.converter.AvroConverter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A real schema registry and a Connect worker that can load Apicurio's Avro converter, started side by side, with the
 * converter settings every Avro suite uses: auto-registration and the Confluent wire format (magic byte + schema id).
 */
public final class AvroStack implements AutoCloseable {

    public static final String CONVERTER_CLASS = "io.apicurio.registry.utils.converter.AvroConverter";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistry registry;
    private final ConnectWorker worker;

    private AvroStack(SchemaRegistry registry, ConnectWorker worker) {
        this.registry = registry;
        this.worker = worker;
    }

    /** Starts both; {@code group} names the worker's Connect cluster, unique per suite. */
    public static AvroStack start(String group) throws Exception {
        // The registry takes several seconds to come up and needs nothing else: it starts while the worker does.
        CompletableFuture<SchemaRegistry> startingRegistry = CompletableFuture.supplyAsync(() -> {
            try {
                return SchemaRegistry.start();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        ConnectWorker worker;
        try {
            worker = ConnectWorker.start(
                    ConnectWorker.Version.KAFKA_4,
                    ItEnvironment.get().broker().bootstrapServers(),
                    group,
                    group,
                    workerSettings());
        } catch (Exception e) {
            startingRegistry.join().close();
            throw e;
        }
        return new AvroStack(startingRegistry.join(), worker);
    }

    /** What a worker needs to load Apicurio's converter beside the plugin. */
    public static Map<String, String> workerSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("plugin.path", System.getProperty("it.plugin.path") + "," + SchemaRegistry.converterPluginPath());
        // Apicurio's converter jar has no ServiceLoader manifest, so this worker has to scan for it.
        settings.put("plugin.discovery", "hybrid_warn");
        return settings;
    }

    public SchemaRegistry registry() {
        return registry;
    }

    public ConnectWorker worker() {
        return worker;
    }

    /** The converter settings, each key prefixed with {@code prefix} (e.g. {@code value.converter.}). */
    public Map<String, String> converterSettings(String prefix) {
        return converterSettings(registry, prefix);
    }

    /** The converter settings for {@code registry}, each key prefixed with {@code prefix}. */
    public static Map<String, String> converterSettings(SchemaRegistry registry, String prefix) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(prefix + "apicurio.registry.url", registry.apicurioV2Url());
        settings.put(prefix + "apicurio.registry.auto-register", "true");
        settings.put(prefix + "apicurio.registry.as-confluent", "true");
        settings.put(prefix + "apicurio.registry.headers.enabled", "false");
        return settings;
    }

    /** The same converter in the test JVM, to write records as Avro producers do or to read what a source wrote. */
    public AvroConverter<Object> newConverter() {
        AvroConverter<Object> converter = new AvroConverter<>();
        converter.configure(converterSettings(""), false);
        return converter;
    }

    /** A GET on the registry's Confluent-compatible API, e.g. {@code /subjects}; fails unless it answers 200. */
    public JsonNode confluentGet(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(registry.confluentCompatUrl() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws InterruptedException {
        worker.close();
        registry.close();
    }
}
