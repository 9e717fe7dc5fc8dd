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
 * a StringBuilder and put the text in place of the record's key or value. Null keys or values (tombstones)
 * pass through unchanged. An instance reuses its {@link Point} and its StringBuilder between records, so, like
 * every Connect transformation, it serves one task thread.
 */
public abstract class EncodingTransformation<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    private static final int MIN_CAPACITY = 64;
    /**
     * Records one StringBuilder serves before a new one takes its place. A builder keeps the widest record's array,
     * and once a record brings a character beyond Latin-1 it holds UTF-16 and widens the Latin-1 text of every
     * later record: renewing it bounds both, at the cost of one allocation per this many records.
     */
    static final int RECORDS_PER_BUILDER = 1024;

    private final RecordPart part;
    private final String displayName;
    private final Point point = new Point();
    private PointExtractor extractor;
    private PointEncoder encoder;
    private StringBuilder out = new StringBuilder(MIN_CAPACITY);
    private int recordsInBuilder;

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
        StringBuilder out = emptyBuilder();
        try {
            extractor.extract(input, record.topic(), record.timestamp(), point);
            encoder.encode(point, out);
        } catch (FieldValueException e) {
            throw DataExceptions.forField(displayName, record, e.field(), e.getMessage(), e);
        } catch (DataException e) {
            String what = "<" + part.name().toLowerCase(Locale.ROOT) + ">";
            throw DataExceptions.forField(displayName, record, what, e.getMessage(), e);
        }
        return part.replace(record, out.toString());
    }

    /**
     * The builder, emptied. Reusing it is safe because Connect calls a transformation instance from its task's
     * thread only (each task builds its own chain) and the text leaves as a String copy before {@code apply}
     * returns; a record that failed half-way leaves nothing behind, as the next one empties the builder first.
     */
    private StringBuilder emptyBuilder() {
        if (++recordsInBuilder > RECORDS_PER_BUILDER) {
            // sized after the last record so that the new one rarely has to grow
            int last = out.length();
            out = new StringBuilder(Math.max(MIN_CAPACITY, last + (last >> 3)));
            recordsInBuilder = 1;
        } else {
            out.setLength(0);
        }
        return out;
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
