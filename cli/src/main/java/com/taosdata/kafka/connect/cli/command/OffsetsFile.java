package com.taosdata.kafka.connect.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.taosdata.kafka.connect.cli.client.ConnectorOffsets;
import com.taosdata.kafka.connect.cli.error.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code offsets --set FILE}: offsets as {@code tdconnect offsets NAME -o json} and {@code GET
 * /connectors/NAME/offsets} print them, {@code {"offsets": [{"partition": {…}, "offset": {…} or null}, …]}}. Keys keep
 * the file's order: Connect matches a partition by its serialized form.
 */
final class OffsetsFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private OffsetsFile() {}

    static ConnectorOffsets read(String file) {
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw CliException.usage(file + ": no such file");
        } catch (IOException e) {
            throw CliException.usage(file + ": cannot read it: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw CliException.usage(file + ": not JSON: " + e.getOriginalMessage());
        }
        JsonNode entries = root == null ? null : root.get("offsets");
        if (entries == null || !entries.isArray()) {
            throw CliException.usage(file + ": expected {\"offsets\": [{\"partition\": {…}, \"offset\": {…}}, …]}, "
                    + "as 'tdconnect offsets NAME -o json' prints them");
        }
        if (entries.isEmpty()) {
            throw CliException.usage(file + ": \"offsets\" lists no partition; to reset them all use --reset");
        }
        List<ConnectorOffsets.Entry> offsets = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            JsonNode partition = entry.get("partition");
            JsonNode offset = entry.get("offset");
            if (partition == null || !partition.isObject() || partition.isEmpty()) {
                throw CliException.usage(file + ": offsets[" + i + "] has no \"partition\" object");
            }
            if (offset == null || !(offset.isObject() || offset.isNull())) {
                throw CliException.usage(file + ": offsets[" + i + "] (partition " + partition + ") needs an "
                        + "\"offset\" object, or null to reset that partition");
            }
            offsets.add(new ConnectorOffsets.Entry(map(partition), offset.isNull() ? null : map(offset)));
        }
        return new ConnectorOffsets(offsets);
    }

    private static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, MAP);
    }
}
