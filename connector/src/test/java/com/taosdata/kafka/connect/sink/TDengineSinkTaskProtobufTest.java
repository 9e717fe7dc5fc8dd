package com.taosdata.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code write.method=stmt} with records of Protobuf messages: {@code /schemas/json/reading-protobuf.json} is a
 * {@code Reading} of {@code /schemas/protobuf/reading.proto} as Confluent's ProtobufConverter hands it to the task;
 * the Timestamp Struct is Apicurio's converter's shape.
 */
class TDengineSinkTaskProtobufTest extends SinkTaskTestBase {

    private static SinkRecord record(long offset, SchemaAndValue data) {
        return new SinkRecord(
                "meters",
                0,
                null,
                null,
                data.schema(),
                data.value(),
                offset,
                1_700_000_000_000L + offset,
                TimestampType.CREATE_TIME);
    }

    private static SchemaAndValue sample(String file) throws IOException {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true", "converter.type", "value"));
        try (InputStream in = TDengineSinkTaskProtobufTest.class.getResourceAsStream("/schemas/json/" + file)) {
            return converter.toConnectData("meters", in.readAllBytes());
        }
    }

    private void startProtobuf(String... overrides) {
        String[] typed = {
            "write.method", "stmt",
            "data.precision", "ns",
            "tags", "device,group_id",
            "timestamp.field", "ts",
            "child.table.name.format", "${device}",
            "auto.create", "true",
            "auto.evolve", "true",
            "errors.tolerance", "all"
        };
        String[] all = new String[typed.length + overrides.length];
        System.arraycopy(typed, 0, all, 0, typed.length);
        System.arraycopy(overrides, 0, all, typed.length, overrides.length);
        start(all);
    }

    @Test
    void autoCreateGivesEachProtobufShapeItsColumnType() throws IOException {
        startProtobuf();

        task.put(List.of(record(0, sample("reading-protobuf.json"))));
        Map<TopicPartition, OffsetAndMetadata> committed = preCommit(METERS_0);

        assertThat(dlq).isEmpty();
        assertThat(sql.statements().get(0))
                .isEqualTo("CREATE STABLE IF NOT EXISTS `power`.`meters` (`ts` TIMESTAMP, `celsius` DOUBLE,"
                        + " `current` DOUBLE, `voltage` FLOAT, `delta` INT, `pulses` BIGINT, `energy` BIGINT,"
                        + " `total` BIGINT, `serial` BIGINT, `active` BOOL, `raw` VARBINARY(64),"
                        + " `state` VARCHAR(64), `location_lat` DOUBLE, `location_lon` DOUBLE, `phase` DOUBLE,"
                        + " `firmware` VARCHAR(64), `extra_humidity` DOUBLE)"
                        + " TAGS (`device` VARCHAR(64), `group_id` INT)");
        assertThat(sql.inserts())
                .containsExactly("INSERT INTO `power`.`meter-1` USING `power`.`meters` (`device`,`group_id`)"
                        + " TAGS ('meter-1',2) (`ts`,`celsius`,`current`,`voltage`,`delta`,`pulses`,`energy`,"
                        + "`total`,`serial`,`active`,`raw`,`state`,`location_lat`,`location_lon`,`phase`,"
                        + "`firmware`,`extra_humidity`) VALUES (1700000000123000000,21.5,10.3,219.5,-3,4294967295,"
                        + "9007199254740993,12345678901234,42,true,'\\x010203','FAULT',37.77,-122.42,0.31,'1.2.3',"
                        + "40.5)");
        assertThat(committed).containsExactly(entry(METERS_0, new OffsetAndMetadata(1)));
    }

    @Test
    void theOtherOneofMemberAddsItsOwnColumn() throws IOException {
        startProtobuf();
        SchemaAndValue celsius = sample("reading-protobuf.json");
        SchemaAndValue fault = sample("reading-protobuf.json");
        Struct value = (Struct) fault.value();
        value.put("ts", new java.util.Date(1_700_000_000_124L));
        value.put("reading_0", new Struct(fault.schema().field("reading_0").schema()).put("fault_code", "E42"));

        task.put(List.of(record(0, celsius), record(1, fault)));
        preCommit(METERS_0);

        assertThat(dlq).isEmpty();
        assertThat(sql.statements()).contains("ALTER STABLE `power`.`meters` ADD COLUMN `fault_code` VARCHAR(64)");
        assertThat(String.join("\n", sql.inserts()))
                .contains("`extra_humidity`,`fault_code`) VALUES (1700000000124000000,10.3,")
                .endsWith(",40.5,'E42')");
    }

    @Test
    void aRepeatedFieldIsABadRecordNamingItAndTheRestIsWritten() throws IOException {
        startProtobuf();

        task.put(List.of(
                record(0, sample("reading-with-samples-protobuf.json")), record(1, sample("reading-protobuf.json"))));
        Map<TopicPartition, OffsetAndMetadata> committed = preCommit(METERS_0);

        assertThat(dlq).singleElement().satisfies(bad -> {
            assertThat(bad.getKey().kafkaOffset()).isZero();
            assertThat(bad.getValue())
                    .hasMessageContainingAll("field samples", "TDengine has no array column", "ReplaceField$Value");
        });
        assertThat(sql.inserts()).singleElement().asString().contains("TAGS ('meter-1',2)");
        assertThat(committed).containsExactly(entry(METERS_0, new OffsetAndMetadata(2)));
    }

    @Test
    void aTimestampStructIsWrittenToTheNanosecond() {
        Schema timestamp = SchemaBuilder.struct()
                .name("google.protobuf.Timestamp")
                .field("seconds", Schema.INT64_SCHEMA)
                .field("nanos", Schema.INT32_SCHEMA)
                .build();
        Schema reading = SchemaBuilder.struct()
                .name("tdconnect.sample.Reading")
                .field("device", Schema.STRING_SCHEMA)
                .field("group_id", Schema.INT32_SCHEMA)
                .field("ts", timestamp)
                .field("taken", timestamp)
                .build();
        Struct value = new Struct(reading)
                .put("device", "meter-1")
                .put("group_id", 2)
                .put("ts", new Struct(timestamp).put("seconds", 1_700_000_000L).put("nanos", 123_456_789))
                .put(
                        "taken",
                        new Struct(timestamp).put("seconds", 1_700_000_001L).put("nanos", 7));
        startProtobuf();

        task.put(List.of(record(0, new SchemaAndValue(reading, value))));
        preCommit(METERS_0);

        assertThat(dlq).isEmpty();
        assertThat(sql.statements().get(0)).contains("(`ts` TIMESTAMP, `taken` TIMESTAMP)");
        assertThat(sql.inserts())
                .singleElement()
                .asString()
                .endsWith("(`ts`,`taken`) VALUES (1700000000123456789,1700000001000000007)");
    }
}
