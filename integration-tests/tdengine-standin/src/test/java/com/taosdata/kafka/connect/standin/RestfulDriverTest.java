package com.taosdata.kafka.connect.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL endpoint through taos-jdbcdriver 3.7.3's real RestfulDriver ({@code jdbc:TAOS-RS://}), the way the
 * integration tests verify what the connectors wrote. Data follow the "Data Ingestion" doc's smart meters.
 */
class RestfulDriverTest {
    private static TDengineStandIn standIn;

    @BeforeAll
    static void start() throws Exception {
        standIn = TDengineStandIn.start(StandInOptions.defaults().withDatabaseCreationDelayMillis(0));
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS power PRECISION 'ns' KEEP 3650");
            s.execute("CREATE STABLE power.meters (ts TIMESTAMP, current FLOAT, voltage INT, phase FLOAT, "
                    + "ok BOOL, note NCHAR(20)) TAGS (location VARCHAR(64), group_id INT)");
            s.execute("INSERT INTO power.d1001 USING power.meters TAGS ('California.SanFrancisco', 2) VALUES "
                    + "(1538548685000000001, 10.3, 219, 0.31, true, 'a') "
                    + "('2018-10-03 06:38:15.000000002', 12.6, 218, 0.33, false, 'b') "
                    + "power.d1002 USING power.meters TAGS ('California.LosAngeles', 3) VALUES "
                    + "(1538548696650000000, 10.2, 220, 0.23, true, \"c\")");
        }
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(standIn.jdbcUrl());
    }

    @Test
    void timestampsOfAnNsDatabaseKeepTheirNanoseconds() throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select * from power.d1001 order by ts")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1538548685000000001L);
            Timestamp ts = rs.getTimestamp("ts");
            assertThat(ts.toInstant()).isEqualTo(Instant.ofEpochSecond(1538548685L, 1));
            assertThat(rs.getDouble("current")).isCloseTo(10.3, Offset.offset(1e-5));
            assertThat(rs.getInt("voltage")).isEqualTo(219);
            assertThat(rs.getBoolean("ok")).isTrue();
            assertThat(rs.getString("note")).isEqualTo("a");
            assertThat(rs.getMetaData().getColumnCount())
                    .as("a subtable's * has no tags")
                    .isEqualTo(6);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1538548695000000002L);
            assertThat(rs.getBoolean("ok")).isFalse();
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void superTableStarIsTimestampFieldsThenTags() throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT * FROM power.meters WHERE ts >= '2018-10-03 06:38:05' " + "ORDER BY ts DESC LIMIT 2")) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnLabel(i));
            }
            assertThat(names)
                    .containsExactly("ts", "current", "voltage", "phase", "ok", "note", "location", "group_id");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("location")).isEqualTo("California.LosAngeles");
            assertThat(rs.getInt("group_id")).isEqualTo(3);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong("ts")).isEqualTo(1538548695000000002L);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void countTbnameAndDefaultDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(standIn.jdbcUrl("power"));
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from meters where tbname = 'd1001'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(2);
                assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("count(*)");
            }
            try (ResultSet rs = s.executeQuery("select tbname, `voltage` from meters where voltage = 220")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("tbname")).isEqualTo("d1002");
                assertThat(rs.getInt(2)).isEqualTo(220);
            }
        }
    }

    @Test
    void duplicateTimestampOverwritesOnlyTheColumnsGiven() throws Exception {
        // "Data Ingestion" doc, section "Update": the new value replaces the old one of the given column
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE upd");
            s.execute("CREATE TABLE upd.t (ts TIMESTAMP, a INT, b VARCHAR(10))");
            s.executeUpdate("INSERT INTO upd.t VALUES (1000, 1, 'x')");
            assertThat(s.executeUpdate("INSERT INTO upd.t (ts, a) VALUES (1000, 2)"))
                    .isEqualTo(1);
            try (ResultSet rs = s.executeQuery("select * from upd.t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("a")).isEqualTo(2);
                assertThat(rs.getString("b")).isEqualTo("x");
                assertThat(rs.getLong("ts")).as("ms database").isEqualTo(1000L);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void preparedStatementsWork() throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS prep PRECISION 'us'");
            s.execute("CREATE TABLE IF NOT EXISTS prep.t (ts TIMESTAMP, v BIGINT, s NCHAR(8))");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO prep.t VALUES (?, ?, ?)")) {
                ps.setTimestamp(1, new Timestamp(1_700_000_000_000L));
                ps.setLong(2, 42L);
                ps.setString(3, "x'y");
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement ps = c.prepareStatement("select v, s from prep.t where v = ?")) {
                ps.setLong(1, 42L);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(42L);
                    assertThat(rs.getString(2)).isEqualTo("x'y");
                }
            }
            try (ResultSet rs = s.executeQuery("select ts from prep.t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1_700_000_000_000_000L);
            }
        }
    }

    @Test
    void metadataStatements() throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("select name, `precision`, `vgroups`, ntables from information_schema.ins_databases "
                            + "where name = 'power'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("precision")).isEqualTo("ns");
                assertThat(rs.getInt("ntables")).isEqualTo(2);
            }
            // 50-meta.md: `precision` is a keyword and must be escaped
            assertThatThrownBy(() -> s.executeQuery("select precision from information_schema.ins_databases"))
                    .hasMessageContaining("0x2600");
            List<String> dbs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("show databases")) {
                while (rs.next()) {
                    dbs.add(rs.getString("name"));
                }
            }
            assertThat(dbs).contains("information_schema", "performance_schema", "power");
            try (ResultSet rs = s.executeQuery("show power.stables")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("stable_name")).isEqualTo("meters");
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SHOW power.TABLES")) {
                while (rs.next()) {
                    tables.add(rs.getString("table_name"));
                }
            }
            assertThat(tables).containsExactly("d1001", "d1002");
            List<String> notes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("describe power.meters")) {
                while (rs.next()) {
                    notes.add(rs.getString("field") + ":" + rs.getString("type") + ":" + rs.getInt("length") + ":"
                            + rs.getString("note"));
                }
            }
            assertThat(notes).contains("ts:TIMESTAMP:8:", "note:NCHAR:20:", "location:VARCHAR:64:TAG");
        }
    }

    @Test
    void wrongPasswordFails() {
        String url = "jdbc:TAOS-RS://127.0.0.1:" + standIn.port() + "/?user=root&password=wrong";
        assertThatThrownBy(() -> {
                    try (Connection c = DriverManager.getConnection(url);
                            Statement s = c.createStatement()) {
                        s.executeQuery("show databases");
                    }
                })
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("0x357");
    }

    @Test
    void partitionByTbnameGivesEachSubtableAsOneTimeline() throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT *,tbname FROM power.meters WHERE tbname IN ('d1002','d1001') "
                        + "AND ts > 1538548685000000000 PARTITION BY tbname")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(9) + "@" + rs.getLong(1));
            }
            assertThat(rows)
                    .as("rows together per subtable, in timestamp order")
                    .containsExactly(
                            "d1001@1538548685000000001", "d1001@1538548695000000002", "d1002@1538548696650000000");
        }
    }

    @Test
    void firstAndLastGiveTheTimestampExtremesAndMinOfATimestampFailsAsOnARealServer() throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*),FIRST(`ts`),LAST(`ts`) FROM power.meters "
                        + "WHERE tbname IN ('d1001') AND `ts` >= 1538548685000000001")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(2);
            assertThat(rs.getLong(2)).isEqualTo(1538548685000000001L);
            assertThat(rs.getLong(3)).isEqualTo(1538548695000000002L);
            assertThatThrownBy(() -> s.executeQuery("SELECT MIN(ts) FROM power.meters"))
                    .hasMessageContaining("0x2802");
        }
    }

    @Test
    void errorsCarryTDengineCodes() throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select * from power.nope"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("0x2603");
            assertThatThrownBy(() -> s.executeQuery("select nope from power.meters"))
                    .hasMessageContaining("0x2602");
            assertThatThrownBy(() -> s.execute("selec 1")).hasMessageContaining("0x2600");
            assertThatThrownBy(() -> s.execute("create database power")).hasMessageContaining("0x381");
            assertThatThrownBy(() -> s.execute("drop database nodb")).hasMessageContaining("0x388");
            assertThatThrownBy(() -> s.execute("use nodb")).hasMessageContaining("0x388");
            assertThatThrownBy(() -> s.execute("select * from meters")).hasMessageContaining("0x2616");
        }
    }
}
