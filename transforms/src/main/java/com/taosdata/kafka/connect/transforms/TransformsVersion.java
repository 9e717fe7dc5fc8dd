package com.taosdata.kafka.connect.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version Maven filtered into {@code tdconnect-transforms.properties}, reported by every SMT. */
final class TransformsVersion {

    private static final String VERSION = load();

    private TransformsVersion() {
    }

    static String get() {
        return VERSION;
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = TransformsVersion.class.getResourceAsStream("/tdconnect-transforms.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }
}
