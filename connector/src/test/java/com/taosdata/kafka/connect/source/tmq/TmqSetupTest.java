package com.taosdata.kafka.connect.source.tmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.connection.Credentials;
import com.taosdata.kafka.connect.connection.TDengineUrl;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.source.TdengineColumnType;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.ColumnDef.Role;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TmqSetupTest {

    @Test
    void topicSelectsTheTableNameAndEveryColumnAndTagByQuotedName() {
        TableSchema schema = new TableSchema(
                "power",
                "meters",
                TimestampUnit.MS,
                List.of(
                        new ColumnDef("ts", TdengineColumnType.parse("TIMESTAMP"), Role.TIMESTAMP),
                        new ColumnDef("current", TdengineColumnType.parse("FLOAT"), Role.COLUMN),
                        new ColumnDef("location", TdengineColumnType.parse("NCHAR(8)"), Role.TAG)));
        String topic = TmqTopics.name("power", "meters");
        assertThat(topic).isEqualTo("tdconnect_power_meters");
        assertThat(TmqTopics.createSql(topic, schema, "meters"))
                .isEqualTo("CREATE TOPIC IF NOT EXISTS "
                        + "`tdconnect_power_meters` AS SELECT tbname,`ts`,`current`,`location` FROM `power`.`meters`");
    }

    @Test
    void aDefinitionSelectsTheTableNameOnlyWhenTbnameIsSelected() {
        assertThat(TmqTopics.selectsTableName("create topic t as select tbname,`ts` from `db`.`m`;"))
                .isTrue();
        assertThat(TmqTopics.selectsTableName("CREATE TOPIC t AS SELECT  TBNAME , ts FROM db.m"))
                .isTrue();
        assertThat(TmqTopics.selectsTableName("create topic t as select ts, v from db.m where tbname = 'd1'"))
                .isFalse();
        assertThat(TmqTopics.selectsTableName("create topic t as select `tbname_x`, ts from db.m"))
                .isFalse();
    }

    @Test
    void topicNameKeepsOnlyWordCharacters() {
        assertThat(TmqTopics.name("power", "my-table")).isEqualTo("tdconnect_power_my_table");
    }

    @Test
    void webSocketConsumerCommitsManuallyAndReadsRowsAsMaps() {
        Properties properties = TmqProperties.build(
                TDengineUrl.parse("url", "jdbc:TAOS-WS://db:6041?useSSL=true"),
                Credentials.userAndPassword("root", new Password("secret")),
                "g1",
                "g1-0",
                "earliest");
        assertThat(properties)
                .containsEntry("td.connect.type", "ws")
                .containsEntry("bootstrap.servers", "db:6041")
                .containsEntry("enable.auto.commit", "false")
                .containsEntry("group.id", "g1")
                .containsEntry("client.id", "g1-0")
                .containsEntry("auto.offset.reset", "earliest")
                .containsEntry("useSSL", "true")
                .containsEntry("value.deserializer", DriverRowDeserializer.class.getName());
    }

    @Test
    void nativeConsumerUsesJni() {
        Properties properties = TmqProperties.build(
                TDengineUrl.parse("url", "jdbc:TAOS://db:6030"),
                Credentials.userAndPassword("root", new Password("p")),
                "g",
                "g-0",
                "latest");
        assertThat(properties)
                .containsEntry("td.connect.type", "jni")
                .containsEntry("td.connect.ip", "db")
                .containsEntry("td.connect.port", "6030");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:TAOS://db:6030", "jdbc:TAOS-WS://db:6041"})
    void aConsumerOfEitherTransportEndsAMessageEarlyOnlyForItsRowCount(String url) {
        Properties properties = TmqProperties.build(
                TDengineUrl.parse("url", url),
                Credentials.userAndPassword("root", new Password("p")),
                "g",
                "g-0",
                "latest");
        assertThat(properties)
                .containsEntry("min.poll.rows", "4096")
                .containsEntry("fetch.max.wait.ms", Integer.toString(Integer.MAX_VALUE));
    }

    @Test
    void restCannotSubscribe() {
        assertThatThrownBy(() -> TmqProperties.build(
                        TDengineUrl.parse("url", "jdbc:TAOS-RS://db:6041"),
                        Credentials.userAndPassword("root", new Password("p")),
                        "g",
                        "g-0",
                        "latest"))
                .isInstanceOf(ConfigException.class);
    }
}
