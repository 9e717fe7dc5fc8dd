package com.taosdata.kafka.connect.sink.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.connection.ErrorCodes;
import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.schemas.TdengineType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

/**
 * Super tables as the server has them: described once, created and altered when asked and described again, also
 * when another task changed them at the same time.
 */
class StableCatalogTest {

    /** Column already exists. */
    private static final int COLUMN_EXISTS = 0x036B;
    /** Network unavailable. */
    private static final int UNAVAILABLE = 0x000B;

    private static final StableColumn TS = column("ts", ColumnType.of(TdengineType.TIMESTAMP));
    private static final StableColumn CURRENT = column("current", ColumnType.of(TdengineType.FLOAT));
    private static final StableColumn PHASE = column("phase", ColumnType.sized(TdengineType.VARCHAR, 10));
    private static final StableColumn LOCATION = tag("location", ColumnType.sized(TdengineType.VARCHAR, 16));

    private final FakeSqlRunner sql = new FakeSqlRunner();
    private final List<Long> sleeps = new ArrayList<>();
    private final StableCatalog catalog = new StableCatalog(sql, new RetryPolicy(3, 50, sleeps::add));

    private static StableColumn column(String name, ColumnType type) {
        return new StableColumn(name, type, false);
    }

    private static StableColumn tag(String name, ColumnType type) {
        return new StableColumn(name, type, true);
    }

    private static TDengineException failure(int code) {
        return TDengineException.fromCode(code, "scripted", null);
    }

    private void existingMeters() {
        sql.existing("power", "meters", TS, CURRENT, PHASE, LOCATION);
    }

    @Test
    void anExistingTableIsDescribedOnceAndThenKept() {
        existingMeters();

        StableSchema first = catalog.find("power", "meters").orElseThrow();
        StableSchema second = catalog.find("power", "meters").orElseThrow();

        assertThat(second).isSameAs(first);
        assertThat(first.timestamp()).isEqualTo(TS);
        assertThat(first.columns()).containsExactly(CURRENT, PHASE);
        assertThat(first.tags()).containsExactly(LOCATION);
        assertThat(sql.described()).containsExactly("power.meters");
    }

    @Test
    void whatIsKnownIsReadWithoutAskingTheServerAndEveryDescriptionOrForgettingChangesTheVersion() {
        existingMeters();
        long before = catalog.version();

        assertThat(catalog.known("power", "meters")).isNull();
        StableSchema found = catalog.find("power", "meters").orElseThrow();
        long described = catalog.version();
        assertThat(catalog.known("power", "meters")).isSameAs(found);
        catalog.forget("power", "meters");

        assertThat(described).isGreaterThan(before);
        assertThat(catalog.known("power", "meters")).isNull();
        assertThat(catalog.version()).isGreaterThan(described);
        assertThat(sql.described()).containsExactly("power.meters");
    }

    @Test
    void anAlteredTableIsKnownAsDescribedAfterTheChange() {
        existingMeters();
        StableSchema found = catalog.find("power", "meters").orElseThrow();
        long described = catalog.version();
        StableColumn voltage = column("voltage", ColumnType.of(TdengineType.INT));

        StableSchema altered = catalog.alter(found, List.of(voltage));

        assertThat(catalog.known("power", "meters")).isSameAs(altered);
        assertThat(altered.columns()).contains(voltage);
        assertThat(catalog.version()).isGreaterThan(described);
    }

    @Test
    void aMissingTableIsNotFoundAndAskedForAgainNextTime() {
        assertThat(catalog.find("power", "meters")).isEmpty();
        existingMeters();

        assertThat(catalog.find("power", "meters")).isPresent();
        assertThat(sql.described()).containsExactly("power.meters", "power.meters");
    }

    @Test
    void aForgottenTableIsDescribedAgain() {
        existingMeters();
        catalog.find("power", "meters");

        catalog.forget("power", "meters");
        catalog.find("power", "meters");

        assertThat(sql.described()).hasSize(2);
    }

    @Test
    void aMissingTableIsCreatedThenDescribedAndKept() {
        StableSchema created = catalog.create("power", "meters", List.of(TS, CURRENT, PHASE, LOCATION));

        assertThat(sql.statements())
                .containsExactly("CREATE STABLE IF NOT EXISTS `power`.`meters` (`ts` TIMESTAMP,"
                        + " `current` FLOAT, `phase` VARCHAR(10)) TAGS (`location` VARCHAR(16))");
        assertThat(created.columns()).containsExactly(CURRENT, PHASE);
        assertThat(created.tags()).containsExactly(LOCATION);
        assertThat(catalog.find("power", "meters")).containsSame(created);
        assertThat(sql.described()).containsExactly("power.meters");
    }

    @Test
    void aTableAnotherTaskCreatedFirstIsTakenAsTheServerHasIt() {
        assertThat(catalog.find("power", "meters")).isEmpty();
        StableColumn otherCurrent = column("current", ColumnType.of(TdengineType.DOUBLE));
        StableColumn groupid = tag("groupid", ColumnType.of(TdengineType.INT));
        sql.existing("power", "meters", TS, otherCurrent, groupid);

        StableSchema schema = catalog.create("power", "meters", List.of(TS, CURRENT, PHASE, LOCATION));

        assertThat(schema.columns()).containsExactly(otherCurrent);
        assertThat(schema.tags()).containsExactly(groupid);
        assertThat(catalog.find("power", "meters")).containsSame(schema);
    }

    @Test
    void missingColumnsAndTagsAreAddedAndTooNarrowOnesWidened() {
        existingMeters();
        StableSchema schema = catalog.find("power", "meters").orElseThrow();
        StableColumn voltage = column("voltage", ColumnType.of(TdengineType.INT));
        StableColumn groupid = tag("groupid", ColumnType.of(TdengineType.INT));
        StableColumn widerPhase = column("phase", ColumnType.sized(TdengineType.VARCHAR, 20));

        StableSchema altered = catalog.alter(schema, List.of(voltage, widerPhase, groupid));

        assertThat(sql.statements())
                .containsExactly(
                        "ALTER STABLE `power`.`meters` ADD COLUMN `voltage` INT",
                        "ALTER STABLE `power`.`meters` MODIFY COLUMN `phase` VARCHAR(20)",
                        "ALTER STABLE `power`.`meters` ADD TAG `groupid` INT");
        assertThat(altered.columns()).containsExactly(CURRENT, widerPhase, voltage);
        assertThat(altered.tags()).containsExactly(LOCATION, groupid);
        assertThat(catalog.find("power", "meters")).containsSame(altered);
    }

    @Test
    void columnExistsIsAFatalErrorByItsCode() {
        assertThat(ErrorCodes.classify(COLUMN_EXISTS)).isEqualTo(ErrorKind.FATAL);
    }

    @Test
    void anAdditionAnotherTaskMadeFirstIsNoError() {
        existingMeters();
        StableSchema schema = catalog.find("power", "meters").orElseThrow();
        StableColumn othersVoltage = column("voltage", ColumnType.of(TdengineType.BIGINT));
        sql.failWhen(statement -> {
            if (statement.contains("ADD COLUMN `voltage`")) {
                sql.existing("power", "meters", TS, CURRENT, PHASE, othersVoltage, LOCATION);
                return failure(COLUMN_EXISTS);
            }
            return null;
        });

        StableSchema altered = catalog.alter(schema, List.of(column("voltage", ColumnType.of(TdengineType.INT))));

        assertThat(altered.columns()).containsExactly(CURRENT, PHASE, othersVoltage);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aFailedAdditionTheTableStillNeedsIsRethrown() {
        existingMeters();
        StableSchema schema = catalog.find("power", "meters").orElseThrow();
        TDengineException refused = failure(COLUMN_EXISTS);
        sql.failWhen(statement -> statement.startsWith("ALTER") ? refused : null);

        assertThatThrownBy(() -> catalog.alter(schema, List.of(column("voltage", ColumnType.of(TdengineType.INT)))))
                .isSameAs(refused);
        assertThat(sql.described()).hasSize(2);
    }

    @Test
    void aFailedWideningIsNoErrorOnlyWhenAnotherTaskWidenedAtLeastAsFar() {
        existingMeters();
        StableSchema schema = catalog.find("power", "meters").orElseThrow();
        StableColumn phase30 = column("phase", ColumnType.sized(TdengineType.VARCHAR, 30));
        sql.failWhen(statement -> {
            sql.existing("power", "meters", TS, CURRENT, phase30, LOCATION);
            return failure(0x0369);
        });

        assertThat(catalog.alter(schema, List.of(column("phase", ColumnType.sized(TdengineType.VARCHAR, 20))))
                        .columns())
                .containsExactly(CURRENT, phase30);
        assertThatThrownBy(() ->
                        catalog.alter(schema, List.of(column("phase", ColumnType.sized(TdengineType.VARCHAR, 40)))))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.code()).isEqualTo(0x0369));
    }

    @Test
    void aTableWithoutTagsIsNoSuperTable() {
        sql.existing("power", "plain", TS, CURRENT);

        assertThatThrownBy(() -> catalog.find("power", "plain"))
                .isInstanceOf(ConnectException.class)
                .isNotInstanceOf(TDengineException.class)
                .hasMessageContaining("without tags");
    }

    @Test
    void transientFailuresOfCreateAndDescribeAreRetried() {
        AtomicInteger creates = new AtomicInteger();
        AtomicInteger describes = new AtomicInteger();
        sql.failWhen(statement -> creates.incrementAndGet() <= 2 ? failure(UNAVAILABLE) : null);
        sql.failDescribeWhen(table -> describes.incrementAndGet() == 1 ? failure(UNAVAILABLE) : null);

        StableSchema created = catalog.create("power", "meters", List.of(TS, CURRENT, LOCATION));

        assertThat(created.columns()).containsExactly(CURRENT);
        assertThat(sql.statements()).hasSize(1);
        assertThat(sleeps).containsExactly(50L, 50L, 50L);
    }

    @Test
    void transientFailuresOfAlterAreRetried() {
        existingMeters();
        StableSchema schema = catalog.find("power", "meters").orElseThrow();
        AtomicInteger alters = new AtomicInteger();
        sql.failWhen(statement -> alters.incrementAndGet() == 1 ? failure(UNAVAILABLE) : null);

        StableSchema altered = catalog.alter(schema, List.of(column("voltage", ColumnType.of(TdengineType.INT))));

        assertThat(altered.columnIndex("voltage")).isEqualTo(2);
        assertThat(sleeps).containsExactly(50L);
    }

    @Test
    void anAlterFailingTransientlyBeyondTheRetriesIsRethrownEvenIfTheColumnAppeared() {
        existingMeters();
        StableSchema schema = catalog.find("power", "meters").orElseThrow();
        sql.failWhen(statement -> {
            sql.existing(
                    "power",
                    "meters",
                    TS,
                    CURRENT,
                    PHASE,
                    column("voltage", ColumnType.of(TdengineType.INT)),
                    LOCATION);
            return failure(UNAVAILABLE);
        });

        assertThatThrownBy(() -> catalog.alter(schema, List.of(column("voltage", ColumnType.of(TdengineType.INT)))))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT));
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void aDescribeFailingForGoodIsRethrownAfterTheRetries() {
        sql.failDescribeWhen(table -> failure(UNAVAILABLE));

        assertThatThrownBy(() -> catalog.find("power", "meters"))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.code()).isEqualTo(UNAVAILABLE));
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void aRefusedCreationIsNotRetried() {
        sql.failWhen(statement -> failure(0x0364));

        assertThatThrownBy(() -> catalog.create("power", "meters", List.of(TS, CURRENT, LOCATION)))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.code()).isEqualTo(0x0364));
        assertThat(sleeps).isEmpty();
    }
}
