package com.taosdata.kafka.connect.transforms.point;

import com.taosdata.kafka.connect.transforms.config.EncodingConfig;
import java.util.Map;
import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Takes records apart into a {@link Point}. Struct values use a {@link RecordPlan} cached per schema, so only
 * the first record of a schema walks it; Map values (schemaless) use one plan that looks names up per record.
 * An instance serves one thread (Connect gives each task its own transformation chain), so nothing is synchronized.
 */
public final class PointExtractor {

    private static final int PLAN_CACHE_SIZE = 16;

    private final PointSettings settings;
    private final RecordPlan schemalessPlan;
    private final Cache<Schema, RecordPlan> plans = new LRUCache<>(PLAN_CACHE_SIZE);
    private Schema lastSchema;
    private RecordPlan lastPlan;

    public PointExtractor(EncodingConfig config) {
        this.settings = new PointSettings(config);
        this.schemalessPlan = new RecordPlan(settings, null);
    }

    /**
     * Fills {@code point} from a record value or key.
     *
     * @throws FieldValueException for a value that cannot be written, naming the field
     * @throws DataException when {@code value} is neither a Struct nor a Map
     */
    public void extract(Object value, String topic, Long recordTimestamp, Point point) {
        point.reset();
        RecordPlan plan;
        if (value instanceof Struct) {
            plan = planFor(((Struct) value).schema());
        } else if (value instanceof Map) {
            plan = schemalessPlan;
        } else {
            throw new DataException("expects a Struct or a Map, got "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        plan.fill(value, topic, recordTimestamp, point);
    }

    private RecordPlan planFor(Schema schema) {
        // converters hand out the same Schema instance for every record of a schema version, and hashing a
        // ConnectSchema walks all its fields, so try the previous instance first
        if (schema == lastSchema) {
            return lastPlan;
        }
        RecordPlan plan = plans.get(schema);
        if (plan == null) {
            plan = new RecordPlan(settings, schema);
            plans.put(schema, plan);
        }
        lastSchema = schema;
        lastPlan = plan;
        return plan;
    }
}
