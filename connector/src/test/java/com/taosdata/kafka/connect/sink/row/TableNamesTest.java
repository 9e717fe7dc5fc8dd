package com.taosdata.kafka.connect.sink.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;
import com.taosdata.kafka.connect.sink.table.ColumnType;
import com.taosdata.kafka.connect.sink.table.StableColumn;
import com.taosdata.kafka.connect.transforms.point.Point;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** Super table names from the topic, child table names from a template or hashed from the tags. */
class TableNamesTest {

    private static final List<StableColumn> TAGS = List.of(
            new StableColumn("location", ColumnType.sized(TdengineType.VARCHAR, 200), true),
            new StableColumn("groupid", ColumnType.of(TdengineType.INT), true));

    private static TableNames templated(String childTemplate) {
        return new TableNames(NameTemplate.parse("${topic}"), NameTemplate.parse(childTemplate));
    }

    private static TableNames hashed() {
        return new TableNames(NameTemplate.parse("${topic}"), null);
    }

    private static Point point(Object location, Object groupid) {
        Point point = new Point();
        point.addTag("location", ColumnMapping.STRING, location);
        point.addTag("groupid", ColumnMapping.INT32, groupid);
        return point;
    }

    private static String hashedName(String stable, Object... tags) {
        return hashed().childTable(stable, "meters", new Point(), TAGS, tags);
    }

    @Test
    void superTablesAreTheTopicInLowerCaseWithUnderscoresForDotsAndHyphens() {
        assertThat(hashed().superTable("Power.Meters-East")).isEqualTo("power_meters_east");
        assertThat(new TableNames(NameTemplate.parse("st_${topic}_v1"), null).superTable("A-b.C"))
                .isEqualTo("st_a_b_c_v1");
    }

    @Test
    void aSuperTableNameThatIsEmptyOrTooLongIsADataException() {
        assertThatThrownBy(() -> hashed().superTable("")).isInstanceOf(DataException.class);
        assertThat(hashed().superTable("m".repeat(192))).hasSize(192);
        assertThatThrownBy(() -> hashed().superTable("m".repeat(193))).isInstanceOf(DataException.class);
    }

    @Test
    void childTablesFillTheTemplateWithTheRecordsValuesKeptAsTheyAre() {
        assertThat(templated("d_${location}_${groupid}")
                        .childTable(
                                "meters", "meters", point("San Francisco", 2), TAGS, new Object[] {"San Francisco", 2L
                                }))
                .isEqualTo("d_San Francisco_2");
        assertThat(templated("${topic}_${groupid}")
                        .childTable("meters", "Power.Meters", point("SF", 2), TAGS, new Object[] {"SF", 2L}))
                .isEqualTo("Power.Meters_2");
    }

    @Test
    void valuesAreWrittenAsTextBytesAsHexDecimalsPlainAndDatesAsEpochMillis() {
        Point point = new Point();
        point.addField("raw", ColumnMapping.BYTES, new byte[] {0x0a, (byte) 0xff});
        point.addField("amount", ColumnMapping.DECIMAL, new BigDecimal("1E+3"));
        point.addField("at", ColumnMapping.TIMESTAMP, new Date(1234L));

        assertThat(templated("${raw}_${amount}_${at}").childTable("meters", "meters", point, TAGS, new Object[2]))
                .isEqualTo("0aff_1000_1234");
    }

    @Test
    void aPlaceholderFindsItsExactNameBeforeOneDifferingInCase() {
        Point point = new Point();
        point.addTag("Location", ColumnMapping.STRING, "tag");
        point.addField("location", ColumnMapping.STRING, "field");

        assertThat(templated("${location}").childTable("meters", "meters", point, TAGS, new Object[2]))
                .isEqualTo("field");
        assertThat(templated("${Location}").childTable("meters", "meters", point, TAGS, new Object[2]))
                .isEqualTo("tag");
        assertThat(templated("${LOCATION}").childTable("meters", "meters", point, TAGS, new Object[2]))
                .isEqualTo("tag");
    }

    @Test
    void aPlaceholderWithoutAValueIsADataException() {
        assertThatThrownBy(() -> templated("d_${unit}")
                        .childTable("meters", "meters", point("SF", 2), TAGS, new Object[] {"SF", 2L}))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("unit");
    }

    @Test
    void aChildTableNameUpTo192Utf8BytesIsKeptAndALongerOneIsADataException() {
        String longest = "北".repeat(64);

        assertThat(templated("${location}")
                        .childTable("meters", "meters", point(longest, 1), TAGS, new Object[] {longest, 1L}))
                .isEqualTo(longest);
        assertThatThrownBy(() -> templated("d${location}")
                        .childTable("meters", "meters", point(longest, 1), TAGS, new Object[] {longest, 1L}))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("193 bytes");
    }

    @Test
    void anEmptyChildTableNameIsADataException() {
        assertThatThrownBy(() -> templated("${location}")
                        .childTable("meters", "meters", point("", 1), TAGS, new Object[] {"", 1L}))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aChildTableNameWithABackquoteIsADataException() {
        assertThatThrownBy(() -> templated("d_${location}")
                        .childTable("meters", "meters", point("a`b", 1), TAGS, new Object[] {"a`b", 1L}))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("backquote");
    }

    @Test
    void hashedNamesAreTPlusTheMd5OfTheSuperTableAndTagsAndStayTheSame() {
        assertThat(hashedName("meters", "SF", 2L)).isEqualTo("t_900c30f2253915271a4c7c988aeda394");
        assertThat(hashedName("meters", "SF", 2L)).isEqualTo(hashedName("meters", "SF", 2L));
    }

    @Test
    void hashedNamesDifferForDifferentTagValuesAndSuperTables() {
        assertThat(hashedName("meters", "SF", 2L))
                .isNotEqualTo(hashedName("meters", "SF", 3L))
                .isNotEqualTo(hashedName("meters", "LA", 2L))
                .isNotEqualTo(hashedName("meters", "SF", null))
                .isNotEqualTo(hashedName("other", "SF", 2L));
        assertThat(hashedName("meters", null, 2L)).isNotEqualTo(hashedName("meters", "2", null));
    }

    /** Tag values holding the separators of the hashed text must not make two tag sets one child table. */
    @Test
    void hashedNamesDifferWhenATagValueHoldsCommasAndEqualSigns() {
        assertThat(hashedName("meters", "SF,groupid=2", null)).isNotEqualTo(hashedName("meters", "SF", "2"));
        assertThat(hashedName("meters", "a\\", "b")).isNotEqualTo(hashedName("meters", "a", "\\b"));
    }

    @Test
    void hashedNamesIgnoreTheCaseOfTagNames() {
        List<StableColumn> upper = List.of(
                new StableColumn("LOCATION", ColumnType.sized(TdengineType.VARCHAR, 200), true),
                new StableColumn("GroupId", ColumnType.of(TdengineType.INT), true));

        assertThat(hashed().childTable("meters", "meters", new Point(), upper, new Object[] {"SF", 2L}))
                .isEqualTo(hashedName("meters", "SF", 2L));
    }
}
