package com.taosdata.kafka.connect.sink.record;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.sink.config.TypedWriteOptions;
import com.taosdata.kafka.connect.transforms.point.FieldValueException;
import com.taosdata.kafka.connect.transforms.point.Point;
import com.taosdata.kafka.connect.transforms.point.PointExtractor;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Takes a record of {@code write.method=stmt} apart into tags, fields and timestamp, by the rule the encoding SMTs
 * follow (one rule for both): nested structs and maps flatten into {@code parent_child} names, {@code tags} name the
 * tags, every other non-null value is a field, the timestamp comes from {@code timestamp.field} (a number counts in
 * {@code data.precision}) or the record's Kafka timestamp. {@link #check} runs on the task thread; an instance decodes
 * into one {@link Point} its thread reuses (the task's and the writer's each have one): a decoded record's parts are
 * turned into its row at once, so buffered records keep no parts of their own, which a JFR and per-thread CPU profile
 * showed the garbage collector copying under a 20 ms pause target.
 */
public final class PointDecoder {

    private final PointExtractor extractor;

    /** @throws org.apache.kafka.common.config.ConfigException for a tag or timestamp path that is no field path */
    public PointDecoder(TypedWriteOptions options, TimestampUnit precision) {
        this.extractor = new PointExtractor(options.encodingConfig(precision));
    }

    /**
     * Refuses a record whose value cannot be taken apart, before it is buffered.
     *
     * @throws DataException for a value that is no Struct or Map
     */
    public static void check(SinkRecord record) {
        Object value = record.value();
        if (!(value instanceof Struct) && !(value instanceof Map)) {
            throw new DataException(RecordIds.describe(record) + ": write.method=stmt writes Struct or Map values,"
                    + " not " + value.getClass().getSimpleName()
                    + (value instanceof String || value instanceof byte[]
                            ? " (schemaless text goes with write.method=schemaless; remove an encoding SMT such as"
                                    + " ToLineProtocol from the chain)"
                            : ""));
        }
    }

    /**
     * Fills {@code point} from a record that passed {@link #check}.
     *
     * @throws DataException for a field that cannot be written, naming the field (the caller names the record)
     */
    public void decode(SinkRecord record, Point point) {
        try {
            extractor.extract(record.value(), record.topic(), record.timestamp(), point);
        } catch (FieldValueException e) {
            throw new DataException("field " + e.field() + ": " + e.getMessage(), e);
        }
    }
}
