package com.taosdata.kafka.connect.connection;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Whether the TDengine client library ({@code libtaos.so}) that {@code jdbc:TAOS://} needs can be found.
 * Looked up on {@code java.library.path} (which carries LD_LIBRARY_PATH) rather than loaded, so a check
 * at validation time has no side effect on the worker.
 */
final class NativeClient {

    private static final String LIBRARY = "taos";

    private NativeClient() {}

    static boolean isAvailable() {
        String mapped = System.mapLibraryName(LIBRARY);
        String path = System.getProperty("java.library.path", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(Objects::nonNull)
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, mapped))
                .anyMatch(Files::isReadable);
    }

    static String missingMessage(TDengineUrl url) {
        return "the TDengine client library (" + System.mapLibraryName(LIBRARY) + ") needed by "
                + url.transport().prefix()
                + " is not on this worker's java.library.path; install the TDengine client on every worker, or use the "
                + "pure-Java WebSocket transport: jdbc:TAOS-WS://" + (url.host().isEmpty() ? "localhost" : url.host())
                + ":6041";
    }
}
