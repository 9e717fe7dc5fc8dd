package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.ArrayEncoding;
import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.schemas.text.JsonWriter;
import java.util.List;

/**
 * Connect ARRAY → a string column holding the array as JSON text. TDengine has no array column, so without
 * {@code array.encoding=json} an array is an error rather than silently dropped.
 */
public final class ArrayMapping extends TextMapping {

    @Override
    public List<String> registrationKeys() {
        return List.of("ARRAY");
    }

    @Override
    void appendText(StringBuilder out, Object value, RenderOptions options) {
        if (options.arrayEncoding() != ArrayEncoding.JSON) {
            throw new UnsupportedValueException("array value needs array.encoding=json");
        }
        JsonWriter.appendValue(out, value);
    }
}
