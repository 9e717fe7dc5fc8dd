package com.taosdata.kafka.connect.sink.write;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.sink.config.TypedWriteOptions;
import com.taosdata.kafka.connect.sink.record.EncodedRecord;
import com.taosdata.kafka.connect.sink.record.PointDecoder;
import com.taosdata.kafka.connect.sink.record.RecordIds;
import com.taosdata.kafka.connect.sink.row.RowConverter;
import com.taosdata.kafka.connect.sink.row.SchemaEvolution;
import com.taosdata.kafka.connect.sink.row.TableNames;
import com.taosdata.kafka.connect.sink.row.ValueConverter;
import com.taosdata.kafka.connect.sink.table.StableCatalog;
import com.taosdata.kafka.connect.sink.table.StableSchema;
import com.taosdata.kafka.connect.transforms.point.Point;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Converts {@code write.method=stmt} records into rows on the task thread, as they arrive, once the writer thread has
 * found their super table: a waiting record then keeps its row, not its Struct or Map and Connect's record around it.
 * With two tasks twice as many records wait (each fills {@code batch.size} at half the rate), and as whole records
 * they overflowed the survivor space of {@code connect-distributed.sh}'s G1 settings: the collector promoted them and
 * took a fifth of the worker's CPU (GC log and per-thread CPU of the typed benchmark). A record whose super table the
 * writer has not described yet, or that needs it changed ({@code auto.evolve}), waits whole for the writer, which asks
 * the server. Rows converted against a schema the writer has since changed stay valid: INSERTs name their columns.
 */
public final class RowPreparer {

    private final StableCatalog catalog;
    private final TableNames names;
    private final PointDecoder decoder;
    private final RowConverter converter;
    /** Null without {@code auto.evolve}. */
    private final SchemaEvolution evolution;
    /** The record being converted, taken apart: one instance, refilled per record. */
    private final Point point = new Point();

    /** The schema looked up last, and for what: records come in runs of one table. */
    private String lastDatabase;

    private String lastStable;
    private long lastVersion = -1;
    private StableSchema lastSchema;

    RowPreparer(
            StableCatalog catalog,
            TableNames names,
            PointDecoder decoder,
            RowConverter converter,
            SchemaEvolution evolution) {
        this.catalog = catalog;
        this.names = names;
        this.decoder = decoder;
        this.converter = converter;
        this.evolution = evolution;
    }

    /** @param catalog the super tables the task's {@link TypedBatchWriter} finds and makes */
    public static RowPreparer create(StableCatalog catalog, TypedWriteOptions options, TimestampUnit precision) {
        TableNames names = TypedBatchWriter.names(options);
        return new RowPreparer(
                catalog,
                names,
                new PointDecoder(options, precision),
                new RowConverter(new ValueConverter(precision), names),
                options.autoEvolve() ? new SchemaEvolution(options.stringType(), options.stringLength()) : null);
    }

    /**
     * The record with its row, or alone when the writer must convert it.
     *
     * @throws DataException for a record that cannot be written: no Struct or Map, or a value that does not fit its
     *     super table, naming the record and the field
     */
    public EncodedRecord prepare(String database, SinkRecord record) {
        PointDecoder.check(record);
        StableSchema schema = known(database, names.superTable(record.topic()));
        if (schema == null) {
            return EncodedRecord.typed(record);
        }
        try {
            decoder.decode(record, point);
            if (evolution != null && !evolution.changes(schema, point).isEmpty()) {
                return EncodedRecord.typed(record);
            }
            return EncodedRecord.typed(record, converter.convert(record, point, schema));
        } catch (DataException e) {
            throw RecordIds.dataError(record, e);
        }
    }

    private StableSchema known(String database, String stable) {
        long version = catalog.version();
        if (version != lastVersion || !stable.equals(lastStable) || !database.equals(lastDatabase)) {
            lastSchema = catalog.known(database, stable);
            lastVersion = version;
            lastStable = stable;
            lastDatabase = database;
        }
        return lastSchema;
    }
}
