package com.taosdata.kafka.connect.source.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.source.TdengineColumnType;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.ColumnDef.Role;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFormatterTest {

    @Test
    void everyTypeMatchesTheGoldenObject() {
        Row row = Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d1001", Fixtures.allTypesRow());
        assertThat(new JsonFormatter(TimestampUnit.MS).format(row).value()).isEqualTo(Golden.read("all-types.json"));
    }

    @Test
    void outputIsValidJsonWithExactUnsignedDigits() throws Exception {
        Row row = Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d1001", Fixtures.allTypesRow());
        JsonNode node = new ObjectMapper().readTree((String)
                new JsonFormatter(TimestampUnit.NS).format(row).value());
        assertThat(node.get("ts").asLong()).isEqualTo(1_700_000_000_123_000_000L);
        assertThat(node.get("precision").asText()).isEqualTo("ns");
        assertThat(node.get("columns").get("c_u64").bigIntegerValue().toString())
                .isEqualTo("18446744073709551615");
        assertThat(node.get("columns").get("c_vc").asText()).isEqualTo("say \"hi\", x=1 \\o/");
        assertThat(node.get("tags").get("t_grp").asInt()).isEqualTo(2);
    }

    @Test
    void floatsKeepTheirShortestDigits() {
        Object[] raw = Fixtures.sparseRow();
        raw[10] = 0.31f;
        Row row = Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d1001", raw);
        assertThat((String) new JsonFormatter(TimestampUnit.MS).format(row).value())
                .contains("\"c_f32\":0.31,");
    }

    @Test
    void nullsStayAsJsonNulls() throws Exception {
        Row row = Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d1001", Fixtures.sparseRow());
        JsonNode node = new ObjectMapper().readTree((String)
                new JsonFormatter(TimestampUnit.MS).format(row).value());
        assertThat(node.get("columns").get("c_f64").isNull()).isTrue();
        assertThat(node.get("tags").get("t_grp").isNull()).isTrue();
    }

    @Test
    void normalTableHasNoStableAndNoTags() {
        TableSchema schema = new TableSchema(
                "power",
                "notes",
                TimestampUnit.US,
                List.of(
                        new ColumnDef("ts", TdengineColumnType.parse("TIMESTAMP"), Role.TIMESTAMP),
                        new ColumnDef("n", TdengineColumnType.parse("INT"), Role.COLUMN)));
        Timestamp ts = new Timestamp(1);
        ts.setNanos(1_002_000);
        Row row = Row.fromDriver(schema, "notes", new Object[] {ts, 3});
        assertThat(new JsonFormatter(TimestampUnit.US).format(row).value())
                .isEqualTo(
                        "{\"database\":\"power\",\"stable\":null,\"table\":\"notes\",\"ts\":1002,\"precision\":\"us\","
                                + "\"columns\":{\"n\":3}}");
    }
}
