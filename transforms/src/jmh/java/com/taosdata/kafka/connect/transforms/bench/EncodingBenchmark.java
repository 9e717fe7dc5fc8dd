package com.taosdata.kafka.connect.transforms.bench;

import com.taosdata.kafka.connect.transforms.ToLineProtocol;
import com.taosdata.kafka.connect.transforms.support.AvroToConnect;
import com.taosdata.kafka.connect.transforms.support.StructToMap;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Records per second through {@code ToLineProtocol$Value} for the sample {@code meters} schema (2 tags,
 * 3 doubles, timestamp) and the 20-field {@code wide20} schema, as Structs and, for meters, as a schemaless Map.
 * Each has an {@code …Influx} twin on the same record: the baseline a user would write instead of the SMT
 * ({@link InfluxPointBaseline}); {@code bench.sh} prints the ratio of each pair.
 * Run with {@code -prof gc} for bytes allocated per record ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EncodingBenchmark {

    private ToLineProtocol<SinkRecord> meters;
    private ToLineProtocol<SinkRecord> wide;
    private InfluxPointBaseline metersInflux;
    private InfluxPointBaseline wideInflux;
    private SinkRecord metersStruct;
    private SinkRecord metersMap;
    private SinkRecord wideStruct;

    @Setup
    public void setUp() throws IOException {
        meters = new ToLineProtocol.Value<>();
        meters.configure(Map.of("tags", "location,group_id", "timestamp.field", "ts"));
        wide = new ToLineProtocol.Value<>();
        wide.configure(Map.of("tags", "device,site", "timestamp.field", "ts"));
        metersInflux = new InfluxPointBaseline(Set.of("location", "group_id"), "ts");
        wideInflux = new InfluxPointBaseline(Set.of("device", "site"), "ts");
        Struct metersValue = fill(AvroToConnect.schema(sample("meters.avsc")));
        metersStruct = record(metersValue.schema(), metersValue);
        metersMap = record(null, StructToMap.convert(metersValue));
        Struct wideValue = fill(AvroToConnect.schema(sample("wide20.avsc")));
        wideStruct = record(wideValue.schema(), wideValue);
    }

    @Benchmark
    public SinkRecord metersStruct() {
        return meters.apply(metersStruct);
    }

    @Benchmark
    public SinkRecord metersMap() {
        return meters.apply(metersMap);
    }

    @Benchmark
    public SinkRecord wide20Struct() {
        return wide.apply(wideStruct);
    }

    @Benchmark
    public SinkRecord metersStructInflux() {
        return metersInflux.apply(metersStruct);
    }

    @Benchmark
    public SinkRecord metersMapInflux() {
        return metersInflux.apply(metersMap);
    }

    @Benchmark
    public SinkRecord wide20StructInflux() {
        return wideInflux.apply(wideStruct);
    }

    private static SinkRecord record(Schema schema, Object value) {
        return new SinkRecord(
                "meters", 0, null, null, schema, value, 1L, 1_700_000_000_000L, TimestampType.CREATE_TIME);
    }

    /** A record with realistic values: distinct strings, fractional doubles, a recent timestamp. */
    private static Struct fill(Schema schema) {
        Struct struct = new Struct(schema);
        int i = 0;
        for (Field field : schema.fields()) {
            i++;
            if (Timestamp.LOGICAL_NAME.equals(field.schema().name())) {
                struct.put(field, new Date(1_700_000_000_000L + i));
                continue;
            }
            switch (field.schema().type()) {
                case STRING:
                    struct.put(field, "California.SanFrancisco-" + i);
                    break;
                case INT32:
                    struct.put(field, 1000 + i);
                    break;
                case INT64:
                    struct.put(field, 1_000_000_007L * i);
                    break;
                case FLOAT32:
                    struct.put(field, 0.25f * i + 0.1f);
                    break;
                case FLOAT64:
                    struct.put(field, 219.123456 * i);
                    break;
                case BOOLEAN:
                    struct.put(field, i % 2 == 0);
                    break;
                default:
                    throw new IllegalArgumentException("no sample value for " + field);
            }
        }
        return struct;
    }

    private static org.apache.avro.Schema sample(String file) throws IOException {
        try (InputStream in = EncodingBenchmark.class.getResourceAsStream("/schemas/avro/" + file)) {
            return new org.apache.avro.Schema.Parser().parse(in);
        }
    }
}
