package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseInitializerTest {

    private final ConnectionFactory factory = mock(ConnectionFactory.class);
    private final Connection connection = mock(Connection.class);
    private final Statement statement = mock(Statement.class);
    private final ResultSet rows = mock(ResultSet.class);
    private final List<String> executed = new ArrayList<>();
    private final List<Long> sleeps = new ArrayList<>();
    private final RetryPolicy retry = new RetryPolicy(3, 100, sleeps::add);

    @BeforeEach
    void wire() throws SQLException {
        when(factory.open(null)).thenReturn(connection);
        when(connection.createStatement()).thenReturn(statement);
        when(statement.execute(anyString())).thenAnswer(call -> executed.add(call.getArgument(0)));
        when(statement.executeQuery(anyString())).thenAnswer(call -> {
            executed.add(call.getArgument(0));
            return rows;
        });
        existingPrecision("ns");
    }

    private void existingPrecision(String precision) throws SQLException {
        when(rows.next()).thenReturn(true);
        when(rows.getString(1)).thenReturn(precision);
    }

    @Test
    void createsTheDatabaseWithThePrecisionQuotedAndChecksItsPrecision() {
        new DatabaseInitializer(factory, retry, TimestampUnit.NS, true).ensure("power");

        assertThat(executed)
                .containsExactly(
                        "CREATE DATABASE IF NOT EXISTS `power` PRECISION 'ns'",
                        "SELECT `precision` FROM information_schema.ins_databases WHERE name = 'power'");
    }

    @Test
    void eachDatabaseIsInitialisedOncePerTask() throws SQLException {
        DatabaseInitializer initializer = new DatabaseInitializer(factory, retry, TimestampUnit.NS, true);

        initializer.ensure("power");
        initializer.ensure("power");
        initializer.ensure("other");
        initializer.ensure("power");

        assertThat(executed)
                .filteredOn(sql -> sql.startsWith("CREATE"))
                .containsExactly(
                        "CREATE DATABASE IF NOT EXISTS `power` PRECISION 'ns'",
                        "CREATE DATABASE IF NOT EXISTS `other` PRECISION 'ns'");
        verify(factory, times(1)).open(null);
    }

    @Test
    void theCreationRaceLoserPollsAgainSoonNotAfterTheRetryBackoff() throws SQLException {
        doThrow(new SQLException("TDengine ERROR (0x80000396): Database in creating status", "", 0x80000396))
                .doThrow(new SQLException("TDengine ERROR (0x80000396): Database in creating status", "", 0x80000396))
                .doAnswer(call -> executed.add(call.getArgument(0)))
                .when(statement)
                .execute(anyString());

        new DatabaseInitializer(factory, new RetryPolicy(3, 3000, sleeps::add), TimestampUnit.NS, true).ensure("power");

        assertThat(executed).first().isEqualTo("CREATE DATABASE IF NOT EXISTS `power` PRECISION 'ns'");
        assertThat(sleeps).containsExactly(100L, 200L);
    }

    @Test
    void aDatabasePreparedAtStartIsReadyForTheFirstWrite() {
        DatabaseInitializer initializer = new DatabaseInitializer(factory, retry, TimestampUnit.NS, true);

        initializer.prepare("power");
        initializer.ensure("power");

        assertThat(executed).hasSize(2).first().isEqualTo("CREATE DATABASE IF NOT EXISTS `power` PRECISION 'ns'");
    }

    @Test
    void preparingTriesOnceAndLeavesAFailureToTheFirstWriteWithItsRetries() throws SQLException {
        doThrow(new SQLException("TDengine ERROR (0x8000000B): Unable to establish connection", "", 0x8000000B))
                .doAnswer(call -> executed.add(call.getArgument(0)))
                .when(statement)
                .execute(anyString());
        DatabaseInitializer initializer = new DatabaseInitializer(factory, retry, TimestampUnit.NS, true);

        initializer.prepare("power");
        assertThat(executed).isEmpty();
        assertThat(sleeps).isEmpty();

        initializer.ensure("power");
        assertThat(executed).first().isEqualTo("CREATE DATABASE IF NOT EXISTS `power` PRECISION 'ns'");
    }

    @Test
    void aConnectionThatFailedIsClosedAndReopened() throws SQLException {
        doThrow(new SQLException("connection reset"))
                .doAnswer(call -> executed.add(call.getArgument(0)))
                .when(statement)
                .execute(anyString());

        new DatabaseInitializer(factory, retry, TimestampUnit.NS, true).ensure("power");

        verify(connection).close();
        verify(factory, times(2)).open(null);
    }

    @Test
    void aPrecisionMismatchIsAClearErrorForLineProtocol() throws SQLException {
        existingPrecision("ms");
        DatabaseInitializer initializer = new DatabaseInitializer(factory, retry, TimestampUnit.NS, true);

        assertThatThrownBy(() -> initializer.ensure("power"))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("database power has precision 'ms'")
                .hasMessageContaining("data.precision is 'ns'")
                .hasMessageContaining("data.precision=ms");
    }

    @Test
    void aPrecisionMismatchIsIgnoredForOpenTsdbProtocols() throws SQLException {
        existingPrecision("ms");
        DatabaseInitializer initializer = new DatabaseInitializer(factory, retry, TimestampUnit.NS, false);

        initializer.ensure("power");
        initializer.ensure("power");

        assertThat(executed).hasSize(2);
    }

    @Test
    void otherPrecisionsAreSentAsConfigured() throws SQLException {
        existingPrecision("us");

        new DatabaseInitializer(factory, retry, TimestampUnit.US, true).ensure("power");

        assertThat(executed).first().isEqualTo("CREATE DATABASE IF NOT EXISTS `power` PRECISION 'us'");
    }

    @Test
    void aFatalErrorIsNotRetried() throws SQLException {
        doThrow(new SQLException("Authentication failure", "", 0x80000357))
                .when(statement)
                .execute(anyString());

        assertThatThrownBy(() -> new DatabaseInitializer(factory, retry, TimestampUnit.NS, true).ensure("power"))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL))
                .hasMessageContaining("CREATE DATABASE IF NOT EXISTS `power`");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aDatabaseMissingRightAfterCreationIsAnError() throws SQLException {
        when(rows.next()).thenReturn(false);

        assertThatThrownBy(() -> new DatabaseInitializer(factory, retry, TimestampUnit.NS, true).ensure("power"))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("database power does not exist right after it was created");
    }

    @Test
    void aDatabaseThatFailedIsTriedAgainOnTheNextEnsure() throws SQLException {
        DatabaseInitializer initializer = new DatabaseInitializer(factory, retry, TimestampUnit.NS, true);
        existingPrecision("ms");
        assertThatThrownBy(() -> initializer.ensure("power")).isInstanceOf(ConnectException.class);
        existingPrecision("ns");

        initializer.ensure("power");

        assertThat(executed).filteredOn(sql -> sql.startsWith("CREATE")).hasSize(2);
    }

    @Test
    void closeClosesTheConnection() throws SQLException {
        DatabaseInitializer initializer = new DatabaseInitializer(factory, retry, TimestampUnit.NS, true);
        initializer.ensure("power");

        initializer.close();

        verify(connection).close();
    }
}
