package com.taosdata.kafka.connect.transforms;

import com.taosdata.kafka.connect.schemas.Version;
import com.taosdata.kafka.connect.transforms.config.EncodingConfig;
import com.taosdata.kafka.connect.transforms.encode.PointEncoder;
import com.taosdata.kafka.connect.transforms.point.FieldValueException;
import com.taosdata.kafka.connect.transforms.point.Point;
import com.taosdata.kafka.connect.transforms.point.PointExtractor;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * The machinery the three SMTs share: configure, take a Struct or Map apart into a {@link Point}, encode it into
 * one StringBuilder and put the text in place of the record's key or value. Null keys or values (tombstones)
 * pass through unchanged. An instance reuses its {@link Point} between records, so, like every Connect
 * transformation, it serves one task thread.
 */
public abstract class EncodingTransformation<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    private static final int MIN_CAPACITY = 64;

    private final RecordPart part;
    private final String displayName;
    private final Point point = new Point();
    private PointExtractor extractor;
    private PointEncoder encoder;
    private int capacity = MIN_CAPACITY;

    EncodingTransformation(RecordPart part) {
        this.part = part;
        this.displayName = getClass().getEnclosingClass() == null
                ? getClass().getSimpleName()
                : getClass().getEnclosingClass().getSimpleName() + "$"
                        + getClass().getSimpleName();
    }

    /** A new encoder for the configured options. */
    abstract PointEncoder newEncoder(EncodingConfig config);

    @Override
    public void configure(Map<String, ?> configs) {
        EncodingConfig config = new EncodingConfig(config(), configs);
        extractor = new PointExtractor(config);
        encoder = newEncoder(config);
    }

    @Override
    public R apply(R record) {
        Object input = part.get(record);
        if (input == null) {
            return record;
        }
        StringBuilder out = new StringBuilder(capacity);
        try {
            extractor.extract(input, record.topic(), record.timestamp(), point);
            encoder.encode(point, out);
        } catch (FieldValueException e) {
            throw DataExceptions.forField(displayName, record, e.field(), e.getMessage(), e);
        } catch (DataException e) {
            String what = "<" + part.name().toLowerCase(Locale.ROOT) + ">";
            throw DataExceptions.forField(displayName, record, what, e.getMessage(), e);
        }
        // size the next record's builder after this one so that it rarely has to grow
        capacity = Math.max(MIN_CAPACITY, out.length() + (out.length() >> 3));
        return part.replace(record, out.toString());
    }

    @Override
    public ConfigDef config() {
        return configDef();
    }

    /** The published definition; each SMT returns its own {@code CONFIG_DEF}. */
    abstract ConfigDef configDef();

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void close() {
        extractor = null;
        encoder = null;
    }
}
