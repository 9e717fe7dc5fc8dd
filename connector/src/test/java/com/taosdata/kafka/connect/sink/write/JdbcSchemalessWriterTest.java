package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.taosdata.jdbc.AbstractConnection;
import com.taosdata.jdbc.enums.SchemalessProtocolType;
import com.taosdata.jdbc.enums.SchemalessTimestampType;
import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.connection.TDengineUrl;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.sink.config.SchemalessProtocol;
import com.taosdata.kafka.connect.sink.config.TableOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcSchemalessWriterTest {

    private final ConnectionFactory factory = mock(ConnectionFactory.class);
    private final Connection connection = mock(Connection.class);
    private final AbstractConnection taos = mock(AbstractConnection.class);

    @BeforeEach
    void wire() throws SQLException {
        when(factory.url()).thenReturn(TDengineUrl.parse("connection.url", "jdbc:TAOS://localhost:6030"));
        when(factory.open(any())).thenReturn(connection);
        when(connection.unwrap(AbstractConnection.class)).thenReturn(taos);
    }

    @Test
    void protocolsMapToTheDriversTypes() {
        assertThat(JdbcSchemalessWriter.protocolType(SchemalessProtocol.LINE)).isEqualTo(SchemalessProtocolType.LINE);
        assertThat(JdbcSchemalessWriter.protocolType(SchemalessProtocol.TELNET))
                .isEqualTo(SchemalessProtocolType.TELNET);
        assertThat(JdbcSchemalessWriter.protocolType(SchemalessProtocol.JSON)).isEqualTo(SchemalessProtocolType.JSON);
    }

    @Test
    void precisionsMapToTheDriversTimestampTypes() {
        assertThat(JdbcSchemalessWriter.timestampType(TimestampUnit.MS))
                .isEqualTo(SchemalessTimestampType.MILLI_SECONDS);
        assertThat(JdbcSchemalessWriter.timestampType(TimestampUnit.US))
                .isEqualTo(SchemalessTimestampType.MICRO_SECONDS);
        assertThat(JdbcSchemalessWriter.timestampType(TimestampUnit.NS))
                .isEqualTo(SchemalessTimestampType.NANO_SECONDS);
    }

    @Test
    void lineProtocolIsWrittenWithTheConfiguredPrecisionIntoTheDatabasesConnection() throws SQLException {
        new JdbcSchemalessWriter(factory, SchemalessProtocol.LINE, TimestampUnit.US)
                .write("power", List.of("m f=1 1", "m f=2 2"));

        verify(factory).open("power");
        verify(taos)
                .write(
                        new String[] {"m f=1 1", "m f=2 2"},
                        SchemalessProtocolType.LINE,
                        SchemalessTimestampType.MICRO_SECONDS,
                        null,
                        null);
    }

    @Test
    void overWebSocketABatchOfLinesIsOneRawRequestOfLinesJoinedByLineFeeds() throws SQLException {
        when(factory.url()).thenReturn(TDengineUrl.parse("connection.url", "jdbc:TAOS-WS://localhost:6041"));

        new JdbcSchemalessWriter(factory, SchemalessProtocol.LINE, TimestampUnit.NS, new TableOptions(null, 7))
                .write("power", List.of("m f=1 1", "m f=2 2", "m f=3 3"));

        verify(taos)
                .writeRaw(
                        "m f=1 1\nm f=2 2\nm f=3 3",
                        SchemalessProtocolType.LINE,
                        SchemalessTimestampType.NANO_SECONDS,
                        7,
                        null);
        verify(taos, never()).write(any(String[].class), any(), any(), any(), any());
    }

    @Test
    void overWebSocketJsonDocumentsAreStillOneMergedArray() throws SQLException {
        when(factory.url()).thenReturn(TDengineUrl.parse("connection.url", "jdbc:TAOS-WS://localhost:6041"));

        new JdbcSchemalessWriter(factory, SchemalessProtocol.JSON, TimestampUnit.MS)
                .write("power", List.of("{\"metric\":\"a\"}", "{\"metric\":\"b\"}"));

        verify(taos)
                .write(
                        new String[] {"[{\"metric\":\"a\"},{\"metric\":\"b\"}]"},
                        SchemalessProtocolType.JSON,
                        SchemalessTimestampType.NOT_CONFIGURED,
                        null,
                        null);
    }

    @Test
    void theSizeWrittenIsTheUtf8SizeOfThePayloadsOnEveryTransport() {
        // "北" is three bytes in UTF-8; the line feeds joining a WebSocket request's lines are not counted.
        List<String> lines = List.of("m,t=\u5317 f=1 1", "m f=2 2");
        assertThat(new JdbcSchemalessWriter(factory, SchemalessProtocol.LINE, TimestampUnit.NS).write("power", lines))
                .isEqualTo(13 + 7);
        assertThat(new JdbcSchemalessWriter(factory, SchemalessProtocol.JSON, TimestampUnit.MS)
                        .write("power", List.of("{\"metric\":\"a\"}", "{\"metric\":\"b\"}")))
                .isEqualTo(14 + 14);

        when(factory.url()).thenReturn(TDengineUrl.parse("connection.url", "jdbc:TAOS-WS://localhost:6041"));
        assertThat(new JdbcSchemalessWriter(factory, SchemalessProtocol.LINE, TimestampUnit.NS).write("power", lines))
                .isEqualTo(13 + 7);
    }

    @Test
    void aTableTtlIsPassedToTheDriver() throws SQLException {
        new JdbcSchemalessWriter(factory, SchemalessProtocol.LINE, TimestampUnit.MS, new TableOptions(null, 30))
                .write("power", List.of("m f=1 1"));

        verify(taos)
                .write(
                        new String[] {"m f=1 1"},
                        SchemalessProtocolType.LINE,
                        SchemalessTimestampType.MILLI_SECONDS,
                        30,
                        null);
    }

    @Test
    void theDriverHasNoTableNameTag() {
        assertThatThrownBy(() -> new JdbcSchemalessWriter(
                        factory, SchemalessProtocol.LINE, TimestampUnit.MS, new TableOptions("device", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table.name.tag");
    }

    @Test
    void telnetTimestampsCarryTheirOwnPrecision() throws SQLException {
        new JdbcSchemalessWriter(factory, SchemalessProtocol.TELNET, TimestampUnit.MS)
                .write("power", List.of("m 1 2 t=a"));

        verify(taos)
                .write(
                        new String[] {"m 1 2 t=a"},
                        SchemalessProtocolType.TELNET,
                        SchemalessTimestampType.NOT_CONFIGURED,
                        null,
                        null);
    }

    @Test
    void jsonDocumentsAreWrittenAsOneMergedArray() throws SQLException {
        new JdbcSchemalessWriter(factory, SchemalessProtocol.JSON, TimestampUnit.NS)
                .write("power", List.of("{\"metric\":\"a\"}", "[{\"metric\":\"b\"}]"));

        verify(taos)
                .write(
                        new String[] {"[{\"metric\":\"a\"},{\"metric\":\"b\"}]"},
                        SchemalessProtocolType.JSON,
                        SchemalessTimestampType.NOT_CONFIGURED,
                        null,
                        null);
    }

    @Test
    void oneConnectionPerDatabaseIsOpenedOnceAndReused() {
        JdbcSchemalessWriter writer = new JdbcSchemalessWriter(factory, SchemalessProtocol.LINE, TimestampUnit.NS);

        writer.write("power", List.of("m f=1"));
        writer.write("power", List.of("m f=2"));
        writer.write("other", List.of("m f=3"));

        verify(factory, times(1)).open("power");
        verify(factory, times(1)).open("other");
    }

    @Test
    void aTransientFailureDropsTheConnectionAndTheNextWriteReopensIt() throws SQLException {
        doThrow(new SQLException("ERROR (0x2301): connection closed", "", 0x2301))
                .doNothing()
                .when(taos)
                .write(any(String[].class), any(), any(), isNull(), isNull());
        JdbcSchemalessWriter writer = new JdbcSchemalessWriter(factory, SchemalessProtocol.LINE, TimestampUnit.NS);

        assertThatThrownBy(() -> writer.write("power", List.of("m f=1")))
                .isInstanceOfSatisfying(TDengineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
                    assertThat(e.code()).isEqualTo(0x2301);
                });
        verify(connection).close();

        writer.write("power", List.of("m f=1"));
        verify(factory, times(2)).open("power");
    }

    @Test
    void aDataErrorKeepsTheConnectionAndCarriesTDenginesCode() throws SQLException {
        doThrow(new SQLException("TDengine ERROR (0x80003002): invalid data", "", 0x80003002))
                .when(taos)
                .write(any(String[].class), any(), any(), isNull(), isNull());
        JdbcSchemalessWriter writer = new JdbcSchemalessWriter(factory, SchemalessProtocol.LINE, TimestampUnit.NS);

        assertThatThrownBy(() -> writer.write("power", List.of("m,t= f=1", "m f=2")))
                .isInstanceOfSatisfying(TDengineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
                    assertThat(e.code()).isEqualTo(0x80003002);
                })
                .hasMessageContaining("2 payload(s) into power")
                .hasMessageContaining("0x80003002");
        verify(connection, never()).close();
    }

    @Test
    void aFailureToCloseABrokenConnectionIsSwallowed() throws SQLException {
        doThrow(new SQLException("reset")).when(taos).write(any(String[].class), any(), any(), isNull(), isNull());
        doThrow(new SQLException("already closed")).when(connection).close();
        JdbcSchemalessWriter writer = new JdbcSchemalessWriter(factory, SchemalessProtocol.LINE, TimestampUnit.NS);

        assertThatThrownBy(() -> writer.write("power", List.of("m f=1")))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT))
                .hasMessageContaining("reset");
    }

    @Test
    void aConnectionThatCannotBeOpenedIsATransientFailureAndIsTriedAgainNextTime() {
        when(factory.open("power"))
                .thenThrow(new TDengineException(
                        0x2318, ErrorKind.TRANSIENT, "connecting failed after 3 attempt(s)", null))
                .thenReturn(connection);
        JdbcSchemalessWriter writer = new JdbcSchemalessWriter(factory, SchemalessProtocol.LINE, TimestampUnit.NS);

        assertThatThrownBy(() -> writer.write("power", List.of("m f=1")))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT));
        writer.write("power", List.of("m f=1"));

        verify(factory, times(2)).open("power");
    }

    @Test
    void closeClosesEveryConnection() throws SQLException {
        Connection other = mock(Connection.class);
        when(other.unwrap(AbstractConnection.class)).thenReturn(taos);
        when(factory.open("other")).thenReturn(other);
        JdbcSchemalessWriter writer = new JdbcSchemalessWriter(factory, SchemalessProtocol.LINE, TimestampUnit.NS);
        writer.write("power", List.of("m f=1"));
        writer.write("other", List.of("m f=1"));

        writer.close();

        verify(connection).close();
        verify(other).close();
    }
}
