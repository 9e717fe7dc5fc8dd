package com.taosdata.kafka.connect.standin;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies parsed schemaless points with the schemaless doc's "Schema-less Write Handling Rules": the
 * measurement is the super table (created with {@code _ts} first), the subtable is {@code t_} + the MD5 of
 * {@code measurement,k1=v1,k2=v2} with tag keys sorted, missing tags and fields are added as columns (fields
 * in first-seen order, before the tags), VARCHAR/NCHAR widths grow, a point without tags gets {@code _tag_null}.
 *
 * <p>A field whose type differs from an earlier line of the same request is {@code 0x80003004} "Not the same
 * type"; one that differs from the existing column is {@code 0x80003002}, as real servers answer (the
 * client's meta check). These are checked before anything is written, so such a request writes nothing. A
 * timestamp out of range is not: it fails only the rows of its vgroup (see {@link #write}).
 *
 * <p>With a {@code table_name_key} ({@link SmlOptions}), as a real 3.3.6.13 did: a point carrying that tag (the key
 * matched case-sensitively) goes to the child table named by the tag's value, with {@code .} replaced by {@code _}
 * and cut to 192 bytes; the tag is not stored as a tag column (a point left without tags gets {@code _tag_null});
 * the subtable keeps the tags it was created with; a name already taken by a table of another super table fails the
 * request with {@code 0x8000061D}. Points without the tag get the generated name. Child tables a request creates get
 * its {@code ttl}.
 */
public final class SmlPointApplier {
    public static final String TIMESTAMP_COLUMN = "_ts";
    public static final String VALUE_COLUMN = "_value";
    static final String TAG_NULL = "_tag_null";
    /** "Names & Limits" doc: a row holds at most 64 KB (since 3.0.5.0), a table's tag values at most 16 KB. */
    static final int MAX_ROW_BYTES = 64 * 1024;

    static final int MAX_TAGS_BYTES = 16 * 1024;
    static final int MAX_TABLE_NAME_BYTES = 192;

    private final Catalog catalog;
    private final RowWriter writer;

    public SmlPointApplier(Catalog catalog, RowWriter writer) {
        this.catalog = catalog;
        this.writer = writer;
    }

    /**
     * Fails with "Database not exist" ({@code 0x80000388}) unless the database exists: taosAdapter selects the
     * database before TDengine parses a single line, so this error comes before any parse error.
     */
    public void requireDatabase(String dbName) {
        catalog.database(dbName);
    }

    /**
     * Writes the points of one request. Parse errors and type conflicts were found before (the parser) or are found
     * first (the plan), so they fail the request before anything changes. Then the super tables are created or
     * extended, as TDengine changes the schema before it sends rows, and the rows go out per vgroup: a timestamp
     * out of range fails the rows of its vgroup, the other vgroups' rows are written, and the request answers
     * {@code 0x8000060B}.
     */
    public void write(String dbName, List<SmlPoint> points) {
        write(dbName, points, SmlOptions.NONE);
    }

    public void write(String dbName, List<SmlPoint> points, SmlOptions options) {
        Database db = catalog.database(dbName);
        db.writeLock().lock();
        try {
            List<Named> named = named(db, points, options.tableNameKey());
            Map<String, Schema> schemas = plan(db, named);
            for (Map.Entry<String, Schema> e : schemas.entrySet()) {
                apply(db, e.getKey(), e.getValue());
            }
            VgroupSubmits<Pending> submits = submits(db, named);
            List<RowWriter.Row> rows = new ArrayList<>();
            for (Pending p : submits.accepted()) {
                rows.add(row(db, p, options.ttl()));
            }
            writer.write(db, rows);
            if (submits.anyRejected()) {
                throw ServerError.TDB_TIMESTAMP_OUT_OF_RANGE.error();
            }
        } finally {
            db.writeLock().unlock();
        }
    }

    /** A point with the name of its subtable; the point no longer carries the table-name tag. */
    private record Named(SmlPoint point, String childName) {}

    /** A point bound for its subtable, with its timestamp in the database precision. */
    private record Pending(SmlPoint point, String childName, long timestamp) {}

    /** Names every point's subtable: by the table-name tag when it has one, else generated. */
    private static List<Named> named(Database db, List<SmlPoint> points, String tableNameKey) {
        List<Named> result = new ArrayList<>(points.size());
        Map<String, String> measurementOf = new HashMap<>();
        for (SmlPoint p : points) {
            SmlValue name = tableNameKey == null ? null : p.tags().get(tableNameKey);
            if (name == null) {
                result.add(new Named(p, childTableName(p.measurement(), p.tags())));
                continue;
            }
            String childName = truncate(String.valueOf(name.value()).replace('.', '_'));
            TableDef existing = db.tables().get(childName);
            String otherMeasurement = measurementOf.putIfAbsent(childName, p.measurement());
            if ((existing != null
                            && (existing.kind() != TableDef.Kind.CHILD
                                    || !existing.superTable().name().equals(p.measurement())))
                    || (otherMeasurement != null && !otherMeasurement.equals(p.measurement()))) {
                throw ServerError.TDB_TABLE_IN_OTHER_STABLE.error();
            }
            Map<String, SmlValue> tags = new LinkedHashMap<>(p.tags());
            tags.remove(tableNameKey);
            result.add(new Named(
                    new SmlPoint(p.measurement(), tags, p.fields(), p.timestamp(), p.nanosPerUnit()), childName));
        }
        return result;
    }

    /** The longest prefix of {@code name} that fits TDengine's 192-byte table names, whole characters only. */
    private static String truncate(String name) {
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            bytes += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_TABLE_NAME_BYTES) {
                return name.substring(0, i);
            }
            i += Character.charCount(cp);
        }
        return name;
    }

    /** Each point goes to its subtable's vgroup; one outside the writable time range rejects that vgroup. */
    private static VgroupSubmits<Pending> submits(Database db, List<Named> points) {
        WritableTimeRange range = WritableTimeRange.now(db);
        VgroupSubmits<Pending> submits = new VgroupSubmits<>();
        for (Named named : points) {
            SmlPoint p = named.point();
            int vgroup = db.vgroups().idOf(named.childName());
            BigInteger ticks = p.timestamp() == null
                    ? BigInteger.valueOf(db.precision().now())
                    : db.precision().fromUnits(p.timestamp(), p.nanosPerUnit());
            if (range.contains(ticks)) {
                submits.add(vgroup, new Pending(p, named.childName(), ticks.longValueExact()));
            } else {
                submits.reject(vgroup);
            }
        }
        return submits;
    }

    /** The schema each measurement will have, checked against the batch and the existing super table. */
    private Map<String, Schema> plan(Database db, List<Named> points) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (Named named : points) {
            SmlPoint p = named.point();
            Schema schema = schemas.computeIfAbsent(
                    p.measurement(), m -> Schema.of(db.tables().get(m)));
            for (Map.Entry<String, SmlValue> f : p.fields().entrySet()) {
                schema.field(f.getKey(), f.getValue());
            }
            Map<String, SmlValue> tags = p.tags().isEmpty() ? Map.of(TAG_NULL, SmlValue.nchar("")) : p.tags();
            for (Map.Entry<String, SmlValue> t : tags.entrySet()) {
                schema.tag(t.getKey(), t.getValue());
            }
        }
        schemas.values().forEach(Schema::checkLimits);
        return schemas;
    }

    private void apply(Database db, String measurement, Schema schema) {
        TableDef stable = db.tables().get(measurement);
        if (stable == null) {
            List<Column> columns = new ArrayList<>();
            columns.add(new Column(TIMESTAMP_COLUMN, ColumnType.TIMESTAMP, 8));
            columns.addAll(schema.fields.values());
            // IF NOT EXISTS: a concurrent CREATE STABLE over /rest/sql may have won; it is then extended below
            stable = catalog.createSuperTable(
                    db.name(), measurement, columns, new ArrayList<>(schema.tags.values()), true);
        }
        TableDef target = stable;
        List<Column> newFields = new ArrayList<>(schema.fields.values());
        newFields.removeIf(c -> target.find(c.name()).isPresent());
        List<Column> newTags = new ArrayList<>(schema.tags.values());
        newTags.removeIf(c -> target.find(c.name()).isPresent());
        if (!newFields.isEmpty() || !newTags.isEmpty()) {
            catalog.extend(target, newFields, newTags);
        }
        catalog.widen(target, widened(target.columns(), schema.fields), widened(target.tags(), schema.tags));
    }

    private static List<Column> widened(List<Column> current, Map<String, Column> wanted) {
        List<Column> result = new ArrayList<>();
        for (Column c : current) {
            Column w = wanted.get(c.name());
            result.add(w != null && c.type().isVariable() && w.length() > c.length() ? c.withLength(w.length()) : c);
        }
        return result;
    }

    private RowWriter.Row row(Database db, Pending pending, int ttl) {
        SmlPoint p = pending.point();
        TableDef stable = db.tables().get(p.measurement());
        Map<String, Object> tagValues = new LinkedHashMap<>();
        for (Column t : stable.tags()) {
            SmlValue v = p.tags().get(t.name());
            tagValues.put(t.name(), v == null ? null : v.value());
        }
        TableDef child = catalog.createChildTable(db.name(), pending.childName(), stable, tagValues, true, ttl);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(stable.timestampColumn().name(), pending.timestamp());
        p.fields().forEach((k, v) -> values.put(k, v.value()));
        return new RowWriter.Row(child, values);
    }

    /** {@code t_} + MD5 hex of {@code measurement,k1=v1,…}, keys sorted case-insensitively (schemaless doc, rule 1). */
    static String childTableName(String measurement, Map<String, SmlValue> tags) {
        List<String> keys = new ArrayList<>(tags.keySet());
        keys.sort((a, b) -> {
            int c = a.substring(0, Math.min(a.length(), b.length()))
                    .compareToIgnoreCase(b.substring(0, Math.min(a.length(), b.length())));
            return c != 0 ? c : a.length() - b.length();
        });
        StringBuilder text = new StringBuilder(measurement);
        for (String k : keys) {
            text.append(',').append(k).append('=').append(tags.get(k).value());
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("MD5").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return "t_" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    /** A measurement's planned fields and tags, seeded from its existing super table. */
    private static final class Schema {
        private final TableDef existing;
        private final Map<String, Column> fields = new LinkedHashMap<>();
        private final Map<String, Column> tags = new LinkedHashMap<>();

        private Schema(TableDef existing) {
            this.existing = existing;
        }

        static Schema of(TableDef existing) {
            if (existing != null && existing.kind() != TableDef.Kind.SUPER) {
                throw ServerError.SML_INVALID_DATA.error(
                        "Invalid data format: " + existing.name() + " is not a super table");
            }
            return new Schema(existing);
        }

        void field(String name, SmlValue value) {
            if (tags.containsKey(name) || name.equals(TIMESTAMP_COLUMN)) {
                throw ServerError.SML_INVALID_DATA.error("Invalid data format: duplicated name " + name);
            }
            Column have = fields.get(name);
            if (have != null && have.type() != value.type()) {
                throw ServerError.SML_NOT_SAME_TYPE.error("the type is not the same like before: " + name);
            }
            if (existing != null) {
                existing.find(name).ifPresent(c -> {
                    if (c.type() != value.type() || existing.isTag(name)) {
                        throw ServerError.SML_INVALID_DATA.error("Invalid data format: column type mismatch: " + name);
                    }
                });
            }
            int length = have == null ? value.length() : Math.max(have.length(), value.length());
            fields.put(
                    name,
                    new Column(name, value.type(), Math.max(length, value.type().fixedLength())));
        }

        void tag(String name, SmlValue value) {
            boolean existingField = existing != null && existing.find(name).isPresent() && !existing.isTag(name);
            if (fields.containsKey(name) || existingField) {
                throw ServerError.SML_INVALID_DATA.error("Invalid data format: duplicated name " + name);
            }
            Column have = tags.get(name);
            int length = have == null ? value.length() : Math.max(have.length(), value.length());
            tags.put(name, new Column(name, value.type(), Math.max(length, 1)));
        }

        /** The widest row and tag set the super table would have after this request must fit TDengine's limits. */
        void checkLimits() {
            List<Column> columns = existing == null ? List.of() : existing.columns();
            // The first column is the timestamp, 8 bytes, counted once here.
            int rowBytes = 8 + bytes(fields, columns.isEmpty() ? columns : columns.subList(1, columns.size()));
            if (rowBytes > MAX_ROW_BYTES) {
                throw ServerError.PAR_INVALID_ROW_LENGTH.error("Row length exceeds max length " + MAX_ROW_BYTES);
            }
            if (bytes(tags, existing == null ? List.of() : existing.tags()) > MAX_TAGS_BYTES) {
                throw ServerError.PAR_INVALID_TAGS_LENGTH.error("Tags length exceeds max length " + MAX_TAGS_BYTES);
            }
        }

        /** Stored bytes of the planned columns plus the existing ones they do not widen or replace. */
        private static int bytes(Map<String, Column> planned, List<Column> current) {
            int total = 0;
            for (Column c : current) {
                if (!planned.containsKey(c.name())) {
                    total += c.storedBytes();
                }
            }
            for (Column c : planned.values()) {
                Column have = current.stream()
                        .filter(x -> x.name().equals(c.name()))
                        .findFirst()
                        .orElse(null);
                total += have != null && have.length() > c.length() ? have.storedBytes() : c.storedBytes();
            }
            return total;
        }
    }
}
