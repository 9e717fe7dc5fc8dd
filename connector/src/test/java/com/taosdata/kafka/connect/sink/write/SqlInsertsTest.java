package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.sink.row.TypedRow;
import com.taosdata.kafka.connect.sink.table.ColumnType;
import com.taosdata.kafka.connect.sink.table.StableColumn;
import com.taosdata.kafka.connect.sink.table.StableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Multi-table INSERTs: rows grouped per child table in first-appearance order, record order inside a group, columns
 * named only when the group has a value for them, statements split below a character limit without losing or
 * repeating a row.
 */
class SqlInsertsTest {

    private static final List<StableColumn> METERS = List.of(
            new StableColumn("ts", ColumnType.of(TdengineType.TIMESTAMP), false),
            new StableColumn("current", ColumnType.of(TdengineType.FLOAT), false),
            new StableColumn("voltage", ColumnType.of(TdengineType.INT), false),
            new StableColumn("phase", ColumnType.sized(TdengineType.VARCHAR, 10), false),
            new StableColumn("location", ColumnType.sized(TdengineType.VARCHAR, 20), true),
            new StableColumn("groupid", ColumnType.of(TdengineType.INT), true));

    private static final StableSchema SCHEMA = new StableSchema("power", "meters", METERS);

    /** Statements for child tables none of which is known to exist yet. */
    private static List<String> build(String database, List<TypedRow> rows) {
        return SqlInserts.build(database, rows, new KnownChildTables()).statements();
    }

    private static List<String> build(String database, List<TypedRow> rows, int maxChars) {
        return SqlInserts.build(database, rows, new KnownChildTables(), maxChars)
                .statements();
    }

    private static TypedRow row(StableSchema schema, String child, long ts, Object[] tags, Object... columns) {
        return new TypedRow(schema, child, ts, tags, columns);
    }

    private static TypedRow meter(String child, long ts, Float current, Long voltage, String phase) {
        return row(SCHEMA, child, ts, new Object[] {"SF", 2L}, current, voltage, phase);
    }

    @Test
    void oneChildTablesRowsAreOneGroupNamingItsTagsAndColumns() {
        List<String> sql = build(
                "power", List.of(meter("d1001", 1000, 10.3f, 219L, "A"), meter("d1001", 2000, 12.6f, 218L, "it's")));

        assertThat(sql)
                .containsExactly(
                        "INSERT INTO `power`.`d1001` USING `power`.`meters` (`location`,`groupid`)"
                                + " TAGS ('SF',2) (`ts`,`current`,`voltage`,`phase`) VALUES (1000,10.3,219,'A')(2000,12.6,218,'it\\'s')");
    }

    @Test
    void aGroupNamesOnlyTheColumnsSomeOfItsRowsHaveAValueFor() {
        List<String> sql = build(
                "power",
                List.of(
                        meter("d1", 1, 1.5f, null, null),
                        meter("d2", 2, null, null, "B"),
                        meter("d1", 3, null, 220L, null)));

        assertThat(sql)
                .containsExactly("INSERT INTO"
                        + " `power`.`d1` USING `power`.`meters` (`location`,`groupid`) TAGS ('SF',2) (`ts`,`current`,`voltage`)"
                        + " VALUES (1,1.5,NULL)(3,NULL,220)"
                        + " `power`.`d2` USING `power`.`meters` (`location`,`groupid`) TAGS ('SF',2) (`ts`,`phase`)"
                        + " VALUES (2,'B')");
    }

    @Test
    void rowsWithoutAnyColumnValueNameOnlyTheTimestamp() {
        List<String> sql = build("power", List.of(meter("d1", 7, null, null, null)));

        assertThat(sql)
                .containsExactly("INSERT INTO `power`.`d1` USING `power`.`meters` (`location`,`groupid`)"
                        + " TAGS ('SF',2) (`ts`) VALUES (7)");
    }

    @Test
    void theTagsClauseTakesTheGroupsFirstRowsTagsWithNullForAMissingTag() {
        List<String> sql = build(
                "power",
                List.of(
                        row(SCHEMA, "d1", 1, new Object[] {null, 3L}, null, 1L, null),
                        row(SCHEMA, "d1", 2, new Object[] {"LA", 4L}, null, 2L, null)));

        assertThat(sql)
                .singleElement()
                .asString()
                .contains("TAGS (NULL,3) (`ts`,`voltage`) VALUES (1,1)(2,2)")
                .doesNotContain("LA");
    }

    @Test
    void groupsFollowTheFirstAppearanceOfTheirTableAndKeepRecordOrderInside() {
        List<String> sql = build(
                "power",
                List.of(
                        meter("b", 5, null, 1L, null),
                        meter("a", 4, null, 2L, null),
                        meter("b", 3, null, 3L, null),
                        meter("c", 2, null, 4L, null),
                        meter("a", 1, null, 5L, null),
                        meter("b", 5, null, 6L, null)));

        assertThat(sql)
                .singleElement()
                .asString()
                .containsSubsequence(
                        "`b` USING",
                        "VALUES (5,1)(3,3)(5,6) ",
                        "`a` USING",
                        "VALUES (4,2)(1,5) ",
                        "`c` USING",
                        "VALUES (2,4)")
                .endsWith("VALUES (2,4)");
    }

    @Test
    void aSchemaChangeWithinTheBatchStartsANewGroupForTheSameTable() {
        StableSchema widened =
                SCHEMA.with(new StableColumn("phase", ColumnType.sized(TdengineType.VARCHAR, 40), false));
        List<String> sql = build(
                "power",
                List.of(
                        meter("d1", 1, null, 1L, null),
                        row(widened, "d1", 2, new Object[] {"SF", 2L}, null, null, "much longer phase"),
                        meter("d1", 3, null, 3L, null)));

        assertThat(sql)
                .containsExactly("INSERT INTO"
                        + " `power`.`d1` USING `power`.`meters` (`location`,`groupid`) TAGS ('SF',2) (`ts`,`voltage`)"
                        + " VALUES (1,1)(3,3)"
                        + " `power`.`d1` USING `power`.`meters` (`location`,`groupid`) TAGS ('SF',2) (`ts`,`phase`)"
                        + " VALUES (2,'much longer phase')");
    }

    @Test
    void anEqualButSeparateSchemaInstanceAlsoStartsANewGroup() {
        StableSchema described = new StableSchema("power", "meters", METERS);
        List<String> sql = build(
                "power",
                List.of(
                        meter("d1", 1, null, 1L, null),
                        row(described, "d1", 2, new Object[] {"SF", 2L}, null, 2L, null)));

        assertThat(sql).singleElement().asString().containsSubsequence("VALUES (1,1) ", "VALUES (2,2)");
    }

    @Test
    void aChildTableKnownToExistIsNamedWithoutItsSuperTableAndANewOneWithIt() {
        KnownChildTables known = new KnownChildTables();
        known.add(List.of(meter("d1", 1, null, 1L, null)));
        TypedRow first = meter("d2", 3, null, 3L, null);

        SqlInserts.Inserts inserts = SqlInserts.build("power", List.of(meter("d1", 2, null, 2L, null), first), known);

        assertThat(inserts.statements())
                .containsExactly("INSERT INTO `power`.`d1` (`ts`,`voltage`) VALUES (2,2)"
                        + " `power`.`d2` USING `power`.`meters` (`location`,`groupid`) TAGS ('SF',2)"
                        + " (`ts`,`voltage`) VALUES (3,3)");
        assertThat(inserts.newTables()).containsExactly(first);
    }

    @Test
    void aChildTableIsKnownOnlyUnderItsOwnDatabaseAndSuperTable() {
        KnownChildTables known = new KnownChildTables();
        known.add(List.of(meter("d1", 1, null, 1L, null)));
        StableSchema other = new StableSchema("power", "other", METERS);
        StableSchema elsewhere = new StableSchema("water", "meters", METERS);
        Object[] tags = {"SF", 2L};

        SqlInserts.Inserts inserts = SqlInserts.build(
                "power",
                List.of(row(other, "d1", 2, tags, null, 2L, null), row(elsewhere, "d1", 3, tags, null, 3L, null)),
                known);

        assertThat(inserts.newTables()).hasSize(2);
        assertThat(inserts.statements().get(0)).contains("`d1` USING `power`.`other`", "`d1` USING `power`.`meters`");
    }

    @Test
    void aSplitGroupOfAKnownChildTableRepeatsItsShortHeader() {
        KnownChildTables known = new KnownChildTables();
        known.add(List.of(meter("d1", 1, null, 1L, null)));
        String header = "`power`.`d1` (`ts`,`voltage`) VALUES ";
        int oneRow = ("INSERT INTO " + header + "(1,1)").length();

        SqlInserts.Inserts inserts = SqlInserts.build(
                "power", List.of(meter("d1", 1, null, 1L, null), meter("d1", 2, null, 2L, null)), known, oneRow);

        assertThat(inserts.statements())
                .containsExactly("INSERT INTO " + header + "(1,1)", "INSERT INTO " + header + "(2,2)");
        assertThat(inserts.newTables()).isEmpty();
    }

    @Test
    void theDefaultLimitKeepsStatementsUnderAMegabyteOfThreeByteCharacters() {
        assertThat(SqlInserts.MAX_STATEMENT_CHARS * 3).isLessThanOrEqualTo(1024 * 1024);
    }

    @Test
    void aBatchThatFitsIsOneStatement() {
        List<TypedRow> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(meter("d" + (i % 10), i, 1.25f, (long) i, "phase " + i));
        }

        assertThat(build("power", rows)).hasSize(1);
    }

    @Test
    void anEmptyBatchIsNoStatement() {
        assertThat(build("power", List.of())).isEmpty();
    }

    @Test
    void aSplitRepeatsTheGroupsHeaderAndNeverLeavesAHeaderWithoutValues() {
        List<TypedRow> rows =
                List.of(meter("d1", 1, null, 1L, null), meter("d1", 2, null, 2L, null), meter("d2", 3, null, 3L, null));
        String header1 = "`power`.`d1` USING `power`.`meters` (`location`,`groupid`) TAGS ('SF',2) (`ts`,`voltage`)"
                + " VALUES ";
        String header2 = header1.replace("`d1`", "`d2`");
        int oneRow = ("INSERT INTO " + header1 + "(1,1)").length();

        assertThat(build("power", rows, oneRow + 4))
                .containsExactly(
                        "INSERT INTO " + header1 + "(1,1)",
                        "INSERT INTO " + header1 + "(2,2)",
                        "INSERT INTO " + header2 + "(3,3)");
        assertThat(build("power", rows, oneRow + "(2,2)".length()))
                .containsExactly("INSERT INTO " + header1 + "(1,1)(2,2)", "INSERT INTO " + header2 + "(3,3)");
    }

    @Test
    void aRowLongerThanTheLimitIsAStatementOfItsOwn() {
        List<TypedRow> rows = List.of(
                meter("d1", 1, null, 1L, null),
                meter("d1", 2, null, null, "x".repeat(200)),
                meter("d1", 3, null, 3L, null));

        List<String> sql = build("power", rows, 150);

        assertThat(sql).hasSize(3);
        assertThat(sql.get(1)).endsWith("(2,NULL,'" + "x".repeat(200) + "')");
        assertThat(sql.get(0)).hasSizeLessThanOrEqualTo(150);
        assertThat(sql.get(2)).hasSizeLessThanOrEqualTo(150);
    }

    // Property: any rows split at any limit come back whole, in order, each statement well-formed.

    /** A generated row: its child table, timestamp, voltage and phase text. */
    record Generated(int child, long ts, long voltage, String phase) {}

    private static final String HEADER = "`power`\\.`(d\\d+)` USING `power`\\.`meters` \\(`location`,`groupid`\\)"
            + " TAGS \\('SF',2\\) \\(`ts`,`voltage`,`phase`\\) VALUES ";
    private static final String TUPLE = "\\((\\d+),(-?\\d+),'((?:[^'\\\\]|\\\\.)*)'\\)";
    private static final Pattern STATEMENT =
            Pattern.compile("INSERT INTO " + HEADER + "(?:" + TUPLE + ")+(?: " + HEADER + "(?:" + TUPLE + ")+)*");
    private static final Pattern PART = Pattern.compile(HEADER + "|" + TUPLE);

    @Property(tries = 300)
    void splittingLosesAndRepeatsNoRowAndKeepsEveryStatementWithinTheLimit(
            @ForAll("rows") List<Generated> generated, @ForAll @IntRange(min = 1, max = 3000) int limit) {
        List<TypedRow> rows = generated.stream()
                .map(g -> meter("d" + g.child(), g.ts(), null, g.voltage(), g.phase()))
                .toList();

        List<String> statements = build("power", rows, limit);

        List<Generated> parsed = new ArrayList<>();
        for (String statement : statements) {
            assertThat(statement).matches(STATEMENT);
            int tuples = 0;
            int child = -1;
            Matcher m = PART.matcher(statement);
            while (m.find()) {
                if (m.group(1) != null) {
                    child = Integer.parseInt(m.group(1).substring(1));
                } else {
                    tuples++;
                    parsed.add(new Generated(
                            child,
                            Long.parseLong(m.group(2)),
                            Long.parseLong(m.group(3)),
                            m.group(4).replaceAll("\\\\(.)", "$1")));
                }
            }
            if (statement.length() > limit) {
                assertThat(tuples)
                        .as("a statement over the limit holds a single row: %s", statement)
                        .isEqualTo(1);
            }
        }
        assertThat(parsed).containsExactlyElementsOf(groupedInOrder(generated));
        assertThat(statements.size()).isLessThanOrEqualTo(generated.size());
    }

    private static List<Generated> groupedInOrder(List<Generated> rows) {
        Map<Integer, List<Generated>> groups = new LinkedHashMap<>();
        for (Generated row : rows) {
            groups.computeIfAbsent(row.child(), c -> new ArrayList<>()).add(row);
        }
        return groups.values().stream().flatMap(List::stream).toList();
    }

    @Provide
    Arbitrary<List<Generated>> rows() {
        Arbitrary<String> phase =
                Arbitraries.strings().withChars("ab '\\()`,é😀").ofMaxLength(40);
        Arbitrary<Generated> row = Combinators.combine(
                        Arbitraries.integers().between(0, 6),
                        Arbitraries.longs().between(0, 1_000_000),
                        Arbitraries.longs(),
                        phase)
                .as(Generated::new);
        return row.list().ofMinSize(1).ofMaxSize(60);
    }
}
