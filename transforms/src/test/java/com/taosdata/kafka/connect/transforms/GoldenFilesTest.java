package com.taosdata.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.taosdata.kafka.connect.transforms.support.AvroToConnect;
import com.taosdata.kafka.connect.transforms.support.LineProtocolReader;
import com.taosdata.kafka.connect.transforms.support.Records;
import com.taosdata.kafka.connect.transforms.support.StructToMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files under {@code src/test/resources/golden/<case>/}: {@code config.properties} (the SMT, the sample
 * Avro schema and the SMT's configuration), {@code input.jsonl} (Avro JSON records, one a line) and
 * {@code expected.txt} (each record's output, or {@code !error <message>}, separated by blank lines). Each
 * record is run as a Struct and as the equivalent Map; both must give the expected text. Run with
 * {@code -Dgolden.update=true} to rewrite the expected files after a deliberate change, then review the diff.
 */
class GoldenFilesTest {

    private static final String SEPARATOR = "\n\n";

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path root = Paths.get(GoldenFilesTest.class.getResource("/golden").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesTheGoldenFile(String name) throws Exception {
        Path dir =
                Paths.get(GoldenFilesTest.class.getResource("/golden/" + name).toURI());
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("config.properties"))) {
            properties.load(reader);
        }
        org.apache.avro.Schema avro = avroSchema(properties.getProperty("golden.schema"));
        Schema schema = AvroToConnect.schema(avro);
        Transformation<SinkRecord> smt = smt(properties);
        List<String> outputs = new ArrayList<>();
        long offset = 0;
        for (String json : Files.readAllLines(dir.resolve("input.jsonl"), StandardCharsets.UTF_8)) {
            if (json.isBlank()) {
                continue;
            }
            GenericRecord avroRecord = new GenericDatumReader<GenericRecord>(avro)
                    .read(null, DecoderFactory.get().jsonDecoder(avro, json));
            Object struct = AvroToConnect.value(schema, avroRecord);
            String fromStruct = run(smt, Records.record(schema, struct, offset));
            String fromMap = run(smt, Records.record(null, StructToMap.convert(struct), offset));
            assertThat(fromMap).as("Map output of record %d", offset).isEqualTo(fromStruct);
            if (!fromStruct.startsWith("!error")) {
                readBack(properties.getProperty("golden.smt"), fromStruct);
            }
            outputs.add(fromStruct);
            offset++;
        }
        String actual = String.join(SEPARATOR, outputs) + "\n";
        Path expectedFile = sourceDir(name).resolve("expected.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(dir.resolve("expected.txt"), StandardCharsets.UTF_8));
    }

    /** Every output must parse in its protocol, with a reader independent of the encoders. */
    private static void readBack(String smt, String output) throws IOException {
        switch (smt) {
            case "ToTelnet":
                for (String line : output.split("\n")) {
                    assertThat(line.split(" ")).as(line).hasSizeGreaterThanOrEqualTo(4);
                }
                break;
            case "ToOpenTsdbJson":
                assertThat(new ObjectMapper().readTree(output).isArray())
                        .as(output)
                        .isTrue();
                break;
            default:
                assertThat(LineProtocolReader.parse(output).fields).as(output).isNotEmpty();
        }
    }

    private static String run(Transformation<SinkRecord> smt, SinkRecord record) {
        try {
            return (String) smt.apply(record).value();
        } catch (DataException e) {
            return "!error " + e.getMessage();
        }
    }

    private static Transformation<SinkRecord> smt(Properties properties) {
        Transformation<SinkRecord> smt;
        switch (properties.getProperty("golden.smt")) {
            case "ToTelnet":
                smt = new ToTelnet.Value<>();
                break;
            case "ToOpenTsdbJson":
                smt = new ToOpenTsdbJson.Value<>();
                break;
            default:
                smt = new ToLineProtocol.Value<>();
        }
        Map<String, String> config = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("golden.")) {
                config.put(key, properties.getProperty(key));
            }
        }
        smt.configure(config);
        return smt;
    }

    private static org.apache.avro.Schema avroSchema(String file) throws IOException {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/schemas/avro/" + file)) {
            return new org.apache.avro.Schema.Parser().parse(in);
        }
    }

    private static Path sourceDir(String name) {
        return Paths.get("src/test/resources/golden", name);
    }
}
