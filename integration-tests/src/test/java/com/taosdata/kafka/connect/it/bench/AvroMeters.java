package com.taosdata.kafka.connect.it.bench;

import com.taosdata.kafka.connect.it.harness.AvroStack;
import com.taosdata.kafka.connect.it.harness.SchemaRegistry;
import io.apicurio.registry.utils.converter.AvroConverter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The benchmark's meters rows as Avro records in the Confluent wire format, registered in a real schema registry: the
 * same devices, values and timestamps as {@link SinkBenchmark#meters}'s lines, and the sink settings that turn them
 * back into those lines ({@code ToLineProtocol}).
 */
final class AvroMeters {

    static final Schema SCHEMA = SchemaBuilder.struct()
            .name("com.taosdata.kafka.connect.bench.meters")
            .field("ts", Timestamp.SCHEMA)
            .field("location", Schema.STRING_SCHEMA)
            .field("groupid", Schema.INT32_SCHEMA)
            .field("device", Schema.STRING_SCHEMA)
            .field("current", Schema.FLOAT64_SCHEMA)
            .field("voltage", Schema.INT32_SCHEMA)
            .field("phase", Schema.FLOAT64_SCHEMA)
            .build();

    private AvroMeters() {}

    /** Row {@code i} of {@link SinkBenchmark#meters}, as a Struct (millisecond timestamps: rows are 1 ms apart). */
    static Struct row(int i) {
        int device = i % 100;
        return new Struct(SCHEMA)
                .put("ts", new Date(1_700_000_000_000L + i / 100))
                .put("location", "California.City" + (device % 10))
                .put("groupid", device % 10)
                .put("device", "d" + device)
                .put("current", 10 + (i % 7) * 0.5)
                .put("voltage", 218 + i % 5)
                .put("phase", 0.3 + (i % 3) * 0.01);
    }

    /** {@code count} rows serialized as an Avro producer of {@code topic} would, registering the schema. */
    static List<byte[]> serialized(SchemaRegistry registry, String topic, int count) {
        AvroConverter<Object> converter = new AvroConverter<>();
        converter.configure(AvroStack.converterSettings(registry, ""), false);
        List<byte[]> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(converter.fromConnectData(topic, SCHEMA, row(i)));
        }
        converter.close();
        return values;
    }

    /**
     * Sink settings writing those records with their types ({@code write.method=stmt}) into super table meters: the
     * same tags, the same timestamps; child tables named by the default rule (an MD5 of the tags), as schemaless
     * writes name theirs.
     */
    static Map<String, String> typedSettings(SchemaRegistry registry) {
        Map<String, String> settings = converterSettings(registry);
        settings.put("db.schemaless", null);
        settings.put("write.method", "stmt");
        settings.put("table.name.format", "meters");
        settings.put("tags", "location,groupid,device");
        settings.put("timestamp.field", "ts");
        return settings;
    }

    /** The super table a DBA would create for those records, with typed tags. */
    static String superTableDdl(String database) {
        return "CREATE STABLE " + database + ".meters (ts TIMESTAMP, current DOUBLE, voltage INT, phase DOUBLE)"
                + " TAGS (location VARCHAR(32), groupid INT, device VARCHAR(16))";
    }

    /** Sink settings reading those records: Apicurio's converter, then {@code ToLineProtocol} into measurement meters. */
    static Map<String, String> sinkSettings(SchemaRegistry registry) {
        Map<String, String> settings = converterSettings(registry);
        settings.put("transforms", "toLine");
        settings.put("transforms.toLine.type", "com.taosdata.kafka.connect.transforms.ToLineProtocol$Value");
        settings.put("transforms.toLine.measurement", "meters");
        settings.put("transforms.toLine.tags", "location,groupid,device");
        settings.put("transforms.toLine.timestamp.field", "ts");
        settings.put("transforms.toLine.precision", "ns");
        return settings;
    }

    /** A connector's settings reading those records into Structs: Apicurio's converter and the registry. */
    static Map<String, String> converterSettings(SchemaRegistry registry) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("value.converter", AvroStack.CONVERTER_CLASS);
        settings.putAll(AvroStack.converterSettings(registry, "value.converter."));
        return settings;
    }
}
