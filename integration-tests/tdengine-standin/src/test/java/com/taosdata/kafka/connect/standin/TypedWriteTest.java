package com.taosdata.kafka.connect.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statements of the sink's typed write path ({@code write.method=stmt}) as the RestfulDriver sends them to
 * {@code /rest/sql}, answered as TDengine 3.3.6 answers them: data-type doc ({@code 01-data-type.md}), super
 * table doc ({@code 04-stable.md}), the insert parser {@code parInsertSql.c} and the codes of {@code taoserror.h}.
 */
class TypedWriteTest {
    private static final String STABLE = "CREATE STABLE IF NOT EXISTS `typed`.`st` (`ts` TIMESTAMP, `a` TINYINT, "
            + "`b` SMALLINT, `c` INT, `d` BIGINT, `e` FLOAT, `f` DOUBLE, `g` BOOL, `h` VARCHAR(64), `i` NCHAR(64), "
            + "`j` VARBINARY(64), `k` DECIMAL(10,2)) TAGS (`t1` INT, `t2` NCHAR(64), `t3` VARCHAR(32))";
    private static TDengineStandIn standIn;

    @BeforeAll
    static void start() throws Exception {
        standIn = TDengineStandIn.start(StandInOptions.defaults().withDatabaseCreationDelayMillis(0));
        assertThat(code("CREATE DATABASE typed")).isZero();
        assertThat(code(STABLE)).isZero();
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    private static JsonNode sql(String sql) throws Exception {
        return RestResponses.json().readTree(Http.sql(standIn, sql).body());
    }

    private static int code(String sql) throws Exception {
        return sql(sql).get("code").asInt();
    }

    private static String data(String sql) throws Exception {
        JsonNode answer = sql(sql);
        assertThat(answer.get("code").asInt()).as(answer.toString()).isZero();
        return answer.get("data").toString();
    }

    @Test
    void describeGivesTypeLengthNoteAndTheCompressionOfEachColumn() throws Exception {
        JsonNode answer = sql("DESCRIBE `typed`.`st`");
        assertThat(answer.get("column_meta").toString())
                .isEqualTo("[[\"field\",\"VARCHAR\",64],"
                        + "[\"type\",\"VARCHAR\",20],[\"length\",\"INT\",4],[\"note\",\"VARCHAR\",16],"
                        + "[\"encode\",\"VARCHAR\",12],[\"compress\",\"VARCHAR\",12],[\"level\",\"VARCHAR\",12]]");
        JsonNode rows = answer.get("data");
        assertThat(rows.get(0).toString()).isEqualTo("[\"ts\",\"TIMESTAMP\",8,\"\",\"delta-i\",\"lz4\",\"medium\"]");
        assertThat(rows.get(1).toString()).isEqualTo("[\"a\",\"TINYINT\",1,\"\",\"simple8b\",\"zlib\",\"medium\"]");
        assertThat(rows.get(4).toString()).isEqualTo("[\"d\",\"BIGINT\",8,\"\",\"simple8b\",\"lz4\",\"medium\"]");
        assertThat(rows.get(5).toString()).isEqualTo("[\"e\",\"FLOAT\",4,\"\",\"delta-d\",\"lz4\",\"medium\"]");
        assertThat(rows.get(7).toString()).isEqualTo("[\"g\",\"BOOL\",1,\"\",\"bit-packing\",\"zstd\",\"medium\"]");
        assertThat(rows.get(8).toString()).isEqualTo("[\"h\",\"VARCHAR\",64,\"\",\"disabled\",\"zstd\",\"medium\"]");
        assertThat(rows.get(9).toString()).isEqualTo("[\"i\",\"NCHAR\",64,\"\",\"disabled\",\"zstd\",\"medium\"]");
        assertThat(rows.get(10).toString()).isEqualTo("[\"j\",\"VARBINARY\",64,\"\",\"disabled\",\"zstd\",\"medium\"]");
        assertThat(rows.get(11).toString())
                .isEqualTo("[\"k\",\"DECIMAL(10, 2)\",8,\"\",\"disabled\",\"zstd\",\"medium\"]");
        assertThat(rows.get(12).toString())
                .isEqualTo("[\"t1\",\"INT\",4,\"TAG\",\"disabled\",\"disabled\",\"disabled\"]");
        assertThat(rows.size()).isEqualTo(15);
    }

    @Test
    void describeOfAMissingTableIsTableDoesNotExist() throws Exception {
        assertThat(code("DESCRIBE `typed`.`nosuch`")).isEqualTo(0x2603);
    }

    @Test
    void clientsRacingCreateStableIfNotExistsBothSucceed() throws Exception {
        String create = STABLE.replace("`st`", "`raced`");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit((Callable<Integer>) () -> code(create)));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isZero();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void multiTableInsertWritesEveryTypeAndReadsItBackAsTaosAdapterWritesIt() throws Exception {
        String insert = "INSERT INTO `typed`.`m1` USING `typed`.`st` (`t1`, `t2`) TAGS (1, 'x') "
                + "(`ts`, `a`, `b`, `c`, `d`, `e`, `f`, `g`, `h`, `i`, `j`, `k`) VALUES "
                + "(1700000000000, 1, -2, 3, 9223372036854775807, 1.5, 1.5E10, true, 'it\\'s a\\\\b', '北京', "
                + "'\\x0a0BfF', 12.345) "
                + "(1700000000001, NULL, NULL, NULL, NULL, NULL, -2.25, false, NULL, NULL, NULL, -2.25) "
                + "`typed`.`m2` USING `typed`.`st` (`t1`, `t2`) TAGS (2, 'y') (`ts`, `a`, `h`) VALUES "
                + "(1700000000000, 7, 'b') "
                + "`typed`.`m1` USING `typed`.`st` (`t1`, `t2`) TAGS (9, 'z') (`ts`, `a`) VALUES (1700000000002, 5)";
        assertThat(data(insert)).isEqualTo("[[4]]");

        JsonNode answer = sql("SELECT * FROM `typed`.`m1` ORDER BY ts");
        assertThat(answer.get("column_meta").get(10).toString()).isEqualTo("[\"j\",\"VARBINARY\",64]");
        assertThat(answer.get("column_meta").get(11).toString()).isEqualTo("[\"k\",\"DECIMAL(10,2)\",8]");
        assertThat(answer.get("data").get(0).toString())
                .isEqualTo("[\"2023-11-14T22:13:20.000Z\",1,-2,3,"
                        + "9223372036854775807,1.5,1.5E10,true,\"it's a\\\\b\",\"北京\",\"0a0bff\",\"12.35\"]");
        assertThat(answer.get("data").get(1).toString())
                .isEqualTo("[\"2023-11-14T22:13:20.001Z\",null,null,"
                        + "null,null,null,-2.25,false,null,null,null,\"-2.25\"]");
        assertThat(data("SELECT tbname, `t1`, `t2`, `t3` FROM `typed`.`st` WHERE ts = 1700000000002"))
                .as("an existing subtable keeps the tags it was created with")
                .isEqualTo("[[\"m1\",1,\"x\",null]]");
        assertThat(data("SELECT `a`, `h` FROM `typed`.`m2`")).isEqualTo("[[7,\"b\"]]");
    }

    @Test
    /**
     * taos-jdbcdriver 3.7.3's RestfulDriver on taosAdapter's JSON (the same against a real 3.3.6.13, observed):
     * a VARBINARY reads as its hex JSON string with the quotes, a DECIMAL as NULL of type NULL.
     */
    void theRestfulDriverReadsVarbinaryAsQuotedHexAndDecimalAsNull() throws Exception {
        assertThat(code("INSERT INTO `typed`.`drv` USING `typed`.`st` TAGS (1, 'x', 'y') (`ts`, `j`, `k`) VALUES "
                        + "(1700000000000, '\\x0a0bff', 12.345)"))
                .isZero();
        try (Connection c = DriverManager.getConnection(standIn.jdbcUrl("typed"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT `j`, `k` FROM `typed`.`drv`")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("the JSON token, quotes included").isEqualTo("\"0a0bff\"");
            assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("VARBINARY");
            assertThat(rs.getMetaData().getColumnType(2))
                    .as("DECIMAL(10,2) is a type the driver does not know")
                    .isEqualTo(Types.NULL);
            assertThat(rs.getString(2)).isNull();
        }
    }

    @Test
    void literalsAreReadAsTheInsertParserReadsThem() throws Exception {
        assertThat(code("INSERT INTO `typed`.`lit` USING `typed`.`st` TAGS (1, 'x', 'y') (`ts`, `a`, `c`, `g`, "
                        + "`h`, `k`) VALUES (1, '12', 2.5, 1, 42, '1E2') (2, 'null', -2.5, 'false', true, 7) "
                        + "(3, 0, 0, 0, 'q''q\\a', 'abc')"))
                .isZero();
        assertThat(data("SELECT `a`, `c`, `g`, `h`, `k` FROM `typed`.`lit` ORDER BY ts"))
                .as("a string holding a number fits a number column, decimals round half away from zero, 'null' is "
                        + "NULL for a number, a number or bool is its text in a VARCHAR, a doubled quote is one "
                        + "quote, an unknown escape drops its backslash, a DECIMAL string is read up to what is "
                        + "no number")
                .isEqualTo("[[12,3,true,\"42\",\"100.00\"],[null,-3,false,\"true\",\"7.00\"],"
                        + "[0,0,false,\"q'qa\",\"0.00\"]]");
    }

    @Test
    void varbinaryIsHexAfterALowerCaseBackslashXAndTheStringsBytesOtherwise() throws Exception {
        assertThat(code("INSERT INTO `typed`.`vb` USING `typed`.`st` TAGS (1, 'x', 'y') (`ts`, `j`, `h`) VALUES "
                        + "(1, 'abc', '\\a\\x41\\%') (2, '\\X0A', 'q''q') (3, '', 'x\\'y\\\"z\\\\')"))
                .isZero();
        assertThat(data("SELECT `j`, `h` FROM `typed`.`vb` ORDER BY ts"))
                .isEqualTo("[[\"616263\",\"a\\\\x41\\\\%\"]," + "[\"583041\",\"q'q\"],[\"\",\"x'y\\\"z\\\\\"]]");
    }

    @Test
    void aChildTableIsWrittenWithoutUsingOnceItExistsAndNotAtAllWhenMissingOrOfAnotherSuperTable() throws Exception {
        assertThat(code(STABLE.replace("`st`", "`other`"))).isZero();
        assertThat(code("INSERT INTO `typed`.`u1` USING `typed`.`st` (`t1`) TAGS (1) (`ts`, `a`) VALUES (1, 1)"))
                .isZero();
        assertThat(code("INSERT INTO `typed`.`o1` USING `typed`.`other` (`t1`) TAGS (1) (`ts`, `a`) VALUES (1, 1)"))
                .isZero();

        assertThat(data("INSERT INTO `typed`.`u1` (`ts`, `a`) VALUES (2, 2)")).isEqualTo("[[1]]");
        assertThat(code("INSERT INTO `typed`.`u1` (`ts`, `a`) VALUES (3, 3) `typed`.`u2` (`ts`, `a`) VALUES (3, 3)"))
                .as("a missing child table without USING, as 3.3.6.13 answers on every transport")
                .isEqualTo(0x2603);
        assertThat(code("INSERT INTO `typed`.`o1` USING `typed`.`st` (`t1`) TAGS (1) (`ts`, `a`) VALUES (4, 4)"))
                .as("a child table of another super table")
                .isEqualTo(0x061D);
        assertThat(code("INSERT INTO `typed`.`st` (`tbname`, `ts`, `a`, `t1`) VALUES ('o1', 4, 4, 1)"))
                .isEqualTo(0x061D);
        assertThat(data("SELECT `ts`, `a` FROM `typed`.`u1` ORDER BY `ts`"))
                .as("a failed statement writes nothing")
                .isEqualTo("[[\"1970-01-01T00:00:00.001Z\",1],[\"1970-01-01T00:00:00.002Z\",2]]");
    }

    @Test
    void valuesTheColumnCannotTakeFailTheWholeStatementWithTheParsersCodes() throws Exception {
        String into = "INSERT INTO `typed`.`bad` USING `typed`.`st` (`t1`, `t2`) TAGS (1, 'x') ";
        JsonNode overflow = sql(into + "(`ts`, `a`) VALUES (1, 1) (2, 128)");
        assertThat(overflow.get("code").asInt()).as("tinyint overflow").isEqualTo(0x0216);
        assertThat(overflow.get("desc").asText()).isEqualTo("syntax error near '128)' (tinyint data overflow)");
        assertThat(code(into + "(`ts`, `c`) VALUES (1, 2147483648)"))
                .as("int overflow")
                .isEqualTo(0x0216);
        assertThat(code(into + "(`ts`, `d`) VALUES (1, 9223372036854775808)")).isEqualTo(0x0216);
        assertThat(code(into + "(`ts`, `c`) VALUES (1, 'abc')"))
                .as("wrong literal")
                .isEqualTo(0x0216);
        assertThat(code(into + "(`ts`, `c`) VALUES (1, true)")).isEqualTo(0x0216);
        assertThat(code(into + "(`ts`, `e`) VALUES (1, 3.5E38)"))
                .as("float overflow")
                .isEqualTo(0x0216);
        assertThat(code(into + "(`ts`, `g`) VALUES (1, 'yes')")).isEqualTo(0x0216);
        assertThat(code(into + "(`ts`, `h`) VALUES (1, '" + "a".repeat(65) + "')"))
                .isEqualTo(0x2653);
        assertThat(code(into + "(`ts`, `h`) VALUES (1, '" + "é".repeat(33) + "')"))
                .as("VARCHAR(64) counts bytes: 33 two-byte characters are 66")
                .isEqualTo(0x2653);
        assertThat(code(into + "(`ts`, `i`) VALUES (1, '" + "北".repeat(65) + "')"))
                .isEqualTo(0x2653);
        assertThat(code(into + "(`ts`, `j`) VALUES (1, '\\x0a0')"))
                .as("odd hex digits")
                .isEqualTo(0x266A);
        assertThat(code(into + "(`ts`, `j`) VALUES (1, 10)"))
                .as("VARBINARY takes strings")
                .isEqualTo(0x266A);
        assertThat(code(into + "(`ts`, `k`) VALUES (1, 123456789.1)"))
                .as("DECIMAL(10,2) overflow")
                .isEqualTo(0x013D);
        assertThat(code(into + "(`ts`, `k`) VALUES (1, '')"))
                .as("an empty string is no number")
                .isEqualTo(0x0216);
        assertThat(code(into + "(`ts`, `c`) VALUES (1, '')")).isEqualTo(0x0216);
        assertThat(code("INSERT INTO `typed`.`bad` USING `typed`.`st` (`t1`) TAGS (2147483648) (`ts`) VALUES (1)"))
                .as("tag out of range")
                .isEqualTo(0x0216);
        assertThat(code("INSERT INTO `typed`.`bad` USING `typed`.`st` (`t3`) TAGS ('" + "t".repeat(33)
                        + "') (`ts`) VALUES (1)"))
                .as("tag too long")
                .isEqualTo(0x2653);
        assertThat(code("DESCRIBE `typed`.`bad`"))
                .as("a failed statement creates no table")
                .isEqualTo(0x2603);

        assertThat(code(into + "(`ts`, `h`, `i`) VALUES (1, '" + "a".repeat(64) + "', '" + "北".repeat(64) + "')"))
                .as("exactly the declared length fits")
                .isZero();
    }

    @Test
    void alterStableAddsColumnsAndTagsAndWidensVariableTypes() throws Exception {
        assertThat(code(STABLE.replace("`st`", "`alt`"))).isZero();
        assertThat(code("INSERT INTO `typed`.`a1` USING `typed`.`alt` TAGS (1, 'x', 'y') (`ts`, `h`) "
                        + "VALUES (1, 'old')"))
                .isZero();
        assertThat(code("ALTER STABLE `typed`.`alt` ADD COLUMN `x` DOUBLE")).isZero();
        assertThat(code("ALTER STABLE `typed`.`alt` ADD TAG `t4` INT")).isZero();
        assertThat(code("ALTER STABLE `typed`.`alt` MODIFY COLUMN `h` VARCHAR(128)"))
                .isZero();
        assertThat(code("ALTER STABLE `typed`.`alt` MODIFY TAG `t2` NCHAR(128)"))
                .isZero();

        JsonNode describe = sql("DESCRIBE `typed`.`alt`").get("data");
        assertThat(describe.get(8).get(2).asInt()).isEqualTo(128);
        assertThat(describe.get(12).toString())
                .as("a new column comes after the columns, before the tags")
                .startsWith("[\"x\",\"DOUBLE\",8,\"\"");
        assertThat(describe.get(14).get(2).asInt()).isEqualTo(128);
        assertThat(describe.get(16).toString()).startsWith("[\"t4\",\"INT\",4,\"TAG\"");

        assertThat(code("INSERT INTO `typed`.`a1` (`ts`, `h`, `x`) VALUES (2, '" + "w".repeat(100) + "', 2.5)"))
                .isZero();
        assertThat(data("SELECT `x`, `t4` FROM `typed`.`alt` ORDER BY ts"))
                .as("existing rows read NULL in an added column")
                .isEqualTo("[[null,null],[2.5,null]]");
    }

    @Test
    void alterStableRefusesWhatTdengineRefuses() throws Exception {
        assertThat(code(STABLE.replace("`st`", "`ref`"))).isZero();
        String alter = "ALTER STABLE `typed`.`ref` ";
        assertThat(code(alter + "ADD COLUMN `c` DOUBLE")).as("column exists").isEqualTo(0x036B);
        assertThat(code(alter + "ADD COLUMN `t1` DOUBLE"))
                .as("a tag has the name")
                .isEqualTo(0x0369);
        assertThat(code(alter + "ADD TAG `t1` INT")).as("tag exists").isEqualTo(0x0369);
        assertThat(code(alter + "ADD TAG `c` INT")).as("a column has the name").isEqualTo(0x036B);
        assertThat(code(alter + "MODIFY COLUMN `h` VARCHAR(32)"))
                .as("narrowing")
                .isEqualTo(0x264B);
        assertThat(code(alter + "MODIFY COLUMN `h` VARCHAR(64)"))
                .as("same width")
                .isEqualTo(0x264B);
        assertThat(code(alter + "MODIFY COLUMN `h` NCHAR(128)"))
                .as("another type")
                .isEqualTo(0x264B);
        assertThat(code(alter + "MODIFY COLUMN `c` BIGINT"))
                .as("not a variable type")
                .isEqualTo(0x264B);
        assertThat(code(alter + "MODIFY TAG `t2` NCHAR(32)")).isEqualTo(0x264B);
        assertThat(code(alter + "MODIFY COLUMN `nope` VARCHAR(128)")).isEqualTo(0x2602);
        assertThat(code(alter + "MODIFY COLUMN `t3` VARCHAR(64)"))
                .as("a tag is no column")
                .isEqualTo(0x036C);
        assertThat(code(alter + "MODIFY TAG `i` NCHAR(128)"))
                .as("a column is no tag")
                .isEqualTo(0x036A);
        assertThat(code("ALTER STABLE `typed`.`nosuch` ADD COLUMN `z` INT")).isEqualTo(0x2603);
        assertThat(code("INSERT INTO `typed`.`r1` USING `typed`.`ref` TAGS (1, 'x', 'y') VALUES (1, 1, 1, 1, 1, 1, "
                        + "1, true, 'a', 'b', 'c', 1)"))
                .isZero();
        assertThat(code("ALTER STABLE `typed`.`r1` ADD COLUMN `z` INT"))
                .as("a subtable")
                .isEqualTo(0x0362);
    }

    @Test
    void decimalIsRefusedAsATagWhenCreatingButAcceptedWhenAdded() throws Exception {
        assertThat(code("CREATE STABLE `typed`.`dtag` (ts TIMESTAMP, v INT) TAGS (dt DECIMAL(10,2))"))
                .isEqualTo(0x2602);
        assertThat(code("CREATE STABLE `typed`.`dtag` (ts TIMESTAMP, v INT) TAGS (g INT)"))
                .isZero();
        assertThat(code("ALTER STABLE `typed`.`dtag` ADD TAG `dt` DECIMAL(10,2)"))
                .isZero();
        assertThat(code("ALTER TABLE `typed`.`dtag` ADD COLUMN `w` INT"))
                .as("ALTER TABLE of a super table")
                .isZero();
    }
}
