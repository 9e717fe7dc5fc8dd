package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.RenderOptions;
import java.util.List;

/** Connect STRING → TDengine VARCHAR ({@code "…"}) or NCHAR ({@code L"…"}), per {@code string.type}. */
public final class StringMapping extends TextMapping {

    @Override
    public List<String> registrationKeys() {
        return List.of("STRING");
    }

    @Override
    void appendText(StringBuilder out, Object value, RenderOptions options) {
        out.append(value);
    }
}
