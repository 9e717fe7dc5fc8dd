package com.taosdata.kafka.connect.cli.validate;

import com.taosdata.kafka.connect.sink.TDengineSinkConnector;
import com.taosdata.kafka.connect.source.TDengineSourceConnector;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The plugins offline validation can run: the connectors bundled in this CLI, found by class name or by
 * the aliases the worker accepts (simple name, and simple name without "Connector"), plus whatever
 * SMT, predicate or converter class is on the CLI's class path (our SMTs and Kafka's built-in ones).
 */
public final class Plugins {

    /**
     * Our connectors, by name: offline validation loads them like any class a config names. Class literals, so a
     * renamed connector breaks this build rather than every user's offline validation.
     */
    public static final List<String> BUNDLED_CONNECTORS =
            List.of(TDengineSinkConnector.class.getName(), TDengineSourceConnector.class.getName());

    /** Converters that live in connect-runtime: every worker has them, the CLI does not bundle them. */
    private static final Set<String> WORKER_BUILT_INS = Set.of(
            "org.apache.kafka.connect.converters.ByteArrayConverter",
            "org.apache.kafka.connect.converters.BooleanConverter",
            "org.apache.kafka.connect.converters.DoubleConverter",
            "org.apache.kafka.connect.converters.FloatConverter",
            "org.apache.kafka.connect.converters.IntegerConverter",
            "org.apache.kafka.connect.converters.LongConverter",
            "org.apache.kafka.connect.converters.ShortConverter",
            "ByteArrayConverter",
            "BooleanConverter",
            "DoubleConverter",
            "FloatConverter",
            "IntegerConverter",
            "LongConverter",
            "ShortConverter",
            "StringConverter",
            "JsonConverter",
            "SimpleHeaderConverter");

    private final List<String> connectors;
    private final ClassLoader loader;

    public Plugins(List<String> connectors, ClassLoader loader) {
        this.connectors = List.copyOf(connectors);
        this.loader = loader;
    }

    public static Plugins bundled() {
        return new Plugins(BUNDLED_CONNECTORS, Plugins.class.getClassLoader());
    }

    public List<String> connectors() {
        return connectors;
    }

    /** Resolves a worker-style alias to a class name of ours, or returns the name unchanged. */
    public String resolveConnector(String name) {
        for (String candidate : connectors) {
            String simple = candidate.substring(candidate.lastIndexOf('.') + 1);
            if (candidate.equals(name)
                    || simple.equals(name)
                    || (simple.endsWith("Connector")
                            && simple.substring(0, simple.length() - 9).equals(name))) {
                return candidate;
            }
        }
        return name;
    }

    /** Loads a class that must be a {@code type}; empty when it is not on our class path. */
    public <T> Optional<Class<? extends T>> load(String className, Class<T> type) {
        try {
            Class<?> loaded = Class.forName(className, false, loader);
            return type.isAssignableFrom(loaded) ? Optional.of(loaded.asSubclass(type)) : Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** True when the class exists but is not a {@code type}: always an error, whatever the plugin path holds. */
    public boolean existsButIsNot(String className, Class<?> type) {
        try {
            return !type.isAssignableFrom(Class.forName(className, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public boolean isWorkerBuiltIn(String className) {
        return WORKER_BUILT_INS.contains(className);
    }

    static <T> T instantiate(Class<? extends T> type) throws ReflectiveOperationException {
        return type.getDeclaredConstructor().newInstance();
    }
}
