package com.taosdata.kafka.connect.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeClientTest {

    @TempDir
    Path dir;

    private String libraryPath;

    @BeforeEach
    void saveLibraryPath() {
        libraryPath = System.getProperty("java.library.path");
    }

    @AfterEach
    void restoreLibraryPath() {
        System.setProperty("java.library.path", libraryPath);
    }

    @Test
    void isMissingWhenNoDirectoryHoldsTheLibrary() {
        System.setProperty("java.library.path", dir.toString());

        assertThat(NativeClient.isAvailable()).isFalse();
    }

    @Test
    void isFoundInAnyDirectoryOfTheLibraryPath() throws IOException {
        Path withLibrary = Files.createDirectory(dir.resolve("lib"));
        Files.writeString(withLibrary.resolve(System.mapLibraryName("taos")), "not really a library");
        System.setProperty("java.library.path", dir + File.pathSeparator + File.pathSeparator + withLibrary);

        assertThat(NativeClient.isAvailable()).isTrue();
    }

    @Test
    void anEmptyLibraryPathFindsNothing() {
        System.setProperty("java.library.path", "");

        assertThat(NativeClient.isAvailable()).isFalse();
    }

    @Test
    void theMissingMessageNamesTheLibraryAndTheWebSocketAlternativeOnTheSameHost() {
        String message = NativeClient.missingMessage(TDengineUrl.parse("connection.url", "jdbc:TAOS://td1:6030"));

        assertThat(message)
                .contains(System.mapLibraryName("taos"))
                .contains("jdbc:TAOS://")
                .contains("jdbc:TAOS-WS://td1:6041");
    }

    @Test
    void withoutHostTheMissingMessageSuggestsLocalhost() {
        String message = NativeClient.missingMessage(TDengineUrl.parse("connection.url", "jdbc:TAOS://"));

        assertThat(message).contains("jdbc:TAOS-WS://localhost:6041");
    }
}
