package com.taosdata.kafka.connect.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.testing.FakeJdbc;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class DatabaseCatalogTest {

    @Test
    void precisionComesFromInsDatabases() {
        FakeJdbc jdbc = new FakeJdbc().thenRows(Collections.singletonList(new Object[] {"us"}));

        assertThat(DatabaseCatalog.precision(jdbc.connection(), "power")).contains(TimestampUnit.US);
        assertThat(jdbc.lastStatement())
                .isEqualTo("SELECT `precision` FROM information_schema.ins_databases WHERE name = 'power'");
    }

    @Test
    void precisionIsReadWhateverItsCase() {
        FakeJdbc jdbc = new FakeJdbc().thenRows(Collections.singletonList(new Object[] {"NS"}));

        assertThat(DatabaseCatalog.precision(jdbc.connection(), "power")).contains(TimestampUnit.NS);
    }

    @Test
    void aPrecisionNoDatabaseCanHaveIsRejected() {
        FakeJdbc jdbc = new FakeJdbc().thenRows(Collections.singletonList(new Object[] {"s"}));

        assertThatThrownBy(() -> DatabaseCatalog.precision(jdbc.connection(), "power"))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void aMissingDatabaseHasNoPrecision() {
        FakeJdbc jdbc = new FakeJdbc().thenRows(List.of());

        assertThat(DatabaseCatalog.precision(jdbc.connection(), "power")).isEmpty();
    }

    @Test
    void aDatabaseThatMustExistIsReportedMissingByCode() {
        FakeJdbc jdbc = new FakeJdbc().thenRows(List.of());

        assertThatThrownBy(() -> DatabaseCatalog.existingPrecision(jdbc.connection(), "power"))
                .isInstanceOfSatisfying(TDengineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCodes.DB_NOT_EXIST);
                    assertThat(e.kind()).isEqualTo(ErrorKind.FATAL);
                });
    }

    @Test
    void aFailedQueryIsTranslatedByTDenginesCode() {
        FakeJdbc jdbc = new FakeJdbc().thenFail(new SQLException("Unable to establish connection", "", 0x000B));

        assertThatThrownBy(() -> DatabaseCatalog.precision(jdbc.connection(), "power"))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT))
                .hasMessageContaining("reading the precision of database power");
    }
}
