package com.taosdata.kafka.connect.transforms.config;

import com.taosdata.kafka.connect.schemas.ArrayEncoding;
import com.taosdata.kafka.connect.schemas.BytesEncoding;
import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.StringType;
import com.taosdata.kafka.connect.schemas.SuffixStyle;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.config.ConfigEnum;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The configuration shared by ToLineProtocol, ToTelnet and ToOpenTsdbJson; see {@link EncodingConfigDef}. */
public final class EncodingConfig extends AbstractConfig {

    private final FieldPath measurementField;
    private final FieldPath tableNameField;
    private final List<FieldPath> tags;
    private final List<FieldPath> fields;
    private final FieldPath timestampField;

    public EncodingConfig(ConfigDef definition, Map<?, ?> originals) {
        super(definition, originals);
        measurementField = optionalPath(EncodingConfigDef.MEASUREMENT_FIELD);
        timestampField = optionalPath(EncodingConfigDef.TIMESTAMP_FIELD);
        tableNameField = optionalPath(EncodingConfigDef.TABLE_NAME_FIELD);
        tags = paths(EncodingConfigDef.TAGS);
        fields = paths(EncodingConfigDef.FIELDS);
        Set<FieldPath> seen = new HashSet<>(tags);
        for (FieldPath field : fields) {
            if (!seen.add(field)) {
                throw new ConfigException(
                        EncodingConfigDef.FIELDS,
                        getList(EncodingConfigDef.FIELDS),
                        "'" + field + "' is also listed in " + EncodingConfigDef.TAGS + " or twice in "
                                + EncodingConfigDef.FIELDS);
            }
        }
        if (timestampField != null && seen.contains(timestampField)) {
            throw new ConfigException(
                    EncodingConfigDef.TIMESTAMP_FIELD,
                    timestampField.dotted(),
                    "the timestamp field cannot also be a tag or a field");
        }
        if (tableNameField != null
                && (seen.contains(tableNameField)
                        || tableNameField.equals(timestampField)
                        || tableNameField.equals(measurementField))) {
            throw new ConfigException(
                    EncodingConfigDef.TABLE_NAME_FIELD,
                    tableNameField.dotted(),
                    "the table name field is written as its own tag; it cannot also be listed in "
                            + EncodingConfigDef.TAGS + " or " + EncodingConfigDef.FIELDS
                            + ", nor be the timestamp or measurement field");
        }
    }

    /** The static measurement, or {@code null} for "the topic". */
    public String measurement() {
        String value = getString(EncodingConfigDef.MEASUREMENT);
        return value == null || value.isBlank() ? null : value;
    }

    /** The field naming the measurement, or {@code null}. */
    public FieldPath measurementField() {
        return measurementField;
    }

    /** The field naming the child table, or {@code null} for TDengine's generated names. */
    public FieldPath tableNameField() {
        return tableNameField;
    }

    public List<FieldPath> tags() {
        return tags;
    }

    /** The configured fields; empty means every remaining field. */
    public List<FieldPath> fields() {
        return fields;
    }

    /** The timestamp field, or {@code null} for the record's Kafka timestamp. */
    public FieldPath timestampField() {
        return timestampField;
    }

    public TimestampUnit timestampUnit() {
        return enumValue(TimestampUnit.class, EncodingConfigDef.TIMESTAMP_UNIT);
    }

    public String fieldSeparator() {
        return getString(EncodingConfigDef.FIELD_SEPARATOR);
    }

    public NullHandling nullHandling() {
        return enumValue(NullHandling.class, EncodingConfigDef.NULL_HANDLING);
    }

    /** The rendering options the type mappings need. */
    public RenderOptions renderOptions() {
        return new RenderOptions(
                enumValue(SuffixStyle.class, EncodingConfigDef.TYPE_SUFFIXES),
                enumValue(StringType.class, EncodingConfigDef.STRING_TYPE),
                enumValue(TimestampUnit.class, EncodingConfigDef.PRECISION),
                enumValue(BytesEncoding.class, EncodingConfigDef.BYTES_ENCODING),
                enumValue(ArrayEncoding.class, EncodingConfigDef.ARRAY_ENCODING));
    }

    private <E extends Enum<E> & ConfigEnum.Named> E enumValue(Class<E> type, String key) {
        return ConfigEnum.parse(type, key, getString(key));
    }

    private FieldPath optionalPath(String key) {
        String value = getString(key);
        return value == null || value.isBlank() ? null : FieldPath.parse(value);
    }

    private List<FieldPath> paths(String key) {
        List<FieldPath> result = new ArrayList<>();
        for (String path : getList(key)) {
            result.add(FieldPath.parse(path));
        }
        return List.copyOf(result);
    }
}
