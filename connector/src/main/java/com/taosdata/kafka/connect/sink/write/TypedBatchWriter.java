package com.taosdata.kafka.connect.sink.write;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.metrics.SinkTaskMetrics;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.sink.config.TypedWriteOptions;
import com.taosdata.kafka.connect.sink.record.EncodedRecord;
import com.taosdata.kafka.connect.sink.record.PointDecoder;
import com.taosdata.kafka.connect.sink.record.RecordIds;
import com.taosdata.kafka.connect.sink.row.NameTemplate;
import com.taosdata.kafka.connect.sink.row.RowConverter;
import com.taosdata.kafka.connect.sink.row.SchemaEvolution;
import com.taosdata.kafka.connect.sink.row.TableNames;
import com.taosdata.kafka.connect.sink.row.ValueConverter;
import com.taosdata.kafka.connect.sink.table.SqlRunner;
import com.taosdata.kafka.connect.sink.table.StableCatalog;
import com.taosdata.kafka.connect.sink.table.StableColumn;
import com.taosdata.kafka.connect.sink.table.StableSchema;
import com.taosdata.kafka.connect.transforms.point.Point;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Writes a batch of {@code write.method=stmt} records into one database, on the writer thread: takes each record the
 * task could not convert (see {@link RowPreparer}) apart, finds its super table (creating or evolving it where
 * configured), converts it to a row of it, and writes the rows in multi-table INSERTs. A record that does not fit its table is rejected before anything is sent; a row
 * TDengine rejects is found by {@link IsolatingBatchWriter}. A super table that is missing without
 * {@code auto.create} fails the task: every record of its topic would fail alike.
 */
public final class TypedBatchWriter {

    private final StableCatalog catalog;
    private final SchemaEvolution evolution;
    private final RowConverter converter;
    private final TableNames names;
    private final TypedWriteOptions options;
    private final IsolatingBatchWriter rows;
    private final PointDecoder decoder;
    /** The record being converted, taken apart: one instance, refilled per record, on the writer thread. */
    private final Point point = new Point();

    TypedBatchWriter(
            StableCatalog catalog,
            SchemaEvolution evolution,
            RowConverter converter,
            TableNames names,
            TypedWriteOptions options,
            IsolatingBatchWriter rows,
            PointDecoder decoder) {
        this.catalog = catalog;
        this.evolution = evolution;
        this.converter = converter;
        this.names = names;
        this.options = options;
        this.rows = rows;
        this.decoder = decoder;
    }

    /** @param catalog the super tables, shared with the task's {@link RowPreparer} */
    public static TypedBatchWriter create(
            SqlRunner sql,
            StableCatalog catalog,
            RetryPolicy retry,
            SinkTaskMetrics metrics,
            TypedWriteOptions options,
            TimestampUnit precision) {
        TableNames names = names(options);
        IsolatingBatchWriter rows = new IsolatingBatchWriter(new RowInserter(sql, catalog), retry, metrics);
        return new TypedBatchWriter(
                catalog,
                new SchemaEvolution(options.stringType(), options.stringLength()),
                new RowConverter(new ValueConverter(precision), names),
                names,
                options,
                rows,
                new PointDecoder(options, precision));
    }

    /** How {@code options} name super and child tables; each thread that converts rows keeps its own. */
    static TableNames names(TypedWriteOptions options) {
        return new TableNames(
                NameTemplate.parse(options.tableNameFormat()),
                options.childTableNameFormat() == null ? null : NameTemplate.parse(options.childTableNameFormat()));
    }

    /** Writes every record that fits and returns the rejected ones. */
    public List<IsolatingBatchWriter.Rejected> write(String database, List<EncodedRecord> records) {
        List<IsolatingBatchWriter.Rejected> rejected = new ArrayList<>();
        List<EncodedRecord> converted = new ArrayList<>(records.size());
        for (EncodedRecord encoded : records) {
            if (encoded.row() != null) {
                converted.add(encoded);
                continue;
            }
            SinkRecord record = encoded.record();
            try {
                decoder.decode(record, point);
                StableSchema schema = schema(database, names.superTable(record.topic()), point);
                converted.add(encoded.withRow(converter.convert(record, point, schema)));
            } catch (DataException e) {
                rejected.add(new IsolatingBatchWriter.Rejected(record, RecordIds.dataError(record, e)));
            } catch (TDengineException e) {
                // TDengine refused a change the record needs (a row or tag set grown past its limits, say).
                if (e.kind() != ErrorKind.DATA) {
                    throw e;
                }
                rejected.add(new IsolatingBatchWriter.Rejected(record, RecordIds.dataError(record, e)));
            }
        }
        rejected.addAll(rows.write(database, converted));
        return rejected;
    }

    private StableSchema schema(String database, String stable, Point point) {
        StableSchema schema = catalog.find(database, stable).orElse(null);
        if (schema == null) {
            if (!options.autoCreate()) {
                throw new ConnectException("super table " + database + "." + stable + " does not exist: create it, or"
                        + " set auto.create=true to have the sink create it from the records");
            }
            schema = catalog.create(database, stable, evolution.initial(point, stable));
        }
        if (options.autoEvolve()) {
            List<StableColumn> changes = evolution.changes(schema, point);
            if (!changes.isEmpty()) {
                schema = catalog.alter(schema, changes);
            }
        }
        return schema;
    }
}
