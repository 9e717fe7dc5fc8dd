package com.taosdata.kafka.connect.sink.write;

import java.util.List;

/** Joins OpenTSDB JSON documents (each an object or an array of objects) into the single array TDengine takes per call. */
public final class OpenTsdbJson {

    private OpenTsdbJson() {}

    static String mergeIntoArray(List<String> documents) {
        StringBuilder out =
                new StringBuilder(documents.stream().mapToInt(String::length).sum() + documents.size() + 2);
        out.append('[');
        boolean first = true;
        for (String document : documents) {
            String body = document.strip();
            // Only a well-bracketed array is unwrapped; anything else is passed on as is, so TDengine rejects it as
            // a data error and the batch writer isolates its record, instead of this method throwing.
            if (body.startsWith("[") && body.endsWith("]")) {
                body = body.substring(1, body.length() - 1).strip();
            }
            if (body.isEmpty()) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            out.append(body);
            first = false;
        }
        return out.append(']').toString();
    }
}
