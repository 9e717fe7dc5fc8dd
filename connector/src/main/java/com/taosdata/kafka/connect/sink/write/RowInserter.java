package com.taosdata.kafka.connect.sink.write;

import com.taosdata.kafka.connect.connection.ErrorCodes;
import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.sink.record.EncodedRecord;
import com.taosdata.kafka.connect.sink.row.TypedRow;
import com.taosdata.kafka.connect.sink.table.SqlRunner;
import com.taosdata.kafka.connect.sink.table.StableCatalog;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes typed rows in multi-table INSERTs, naming the super table and tags only for child tables this task has not
 * written into yet ({@link KnownChildTables}). Runs on the writer thread.
 *
 * <p>"Table does not exist" (0x2603 on 3.3.6.13 over every transport) is about the statement, not a record, and
 * would otherwise send each record of the batch to the DLQ. It means one of two things: a child table this task knew
 * was dropped since, and the rows are written again with {@code USING}, which creates it; or the super table was
 * dropped, and the task fails: after a restart the table is looked up (or created) again and the records are written.
 */
final class RowInserter implements IsolatingBatchWriter.ChunkWriter {

    private static final Logger log = LoggerFactory.getLogger(RowInserter.class);

    private final SqlRunner sql;
    private final StableCatalog catalog;
    private final KnownChildTables known = new KnownChildTables();

    RowInserter(SqlRunner sql, StableCatalog catalog) {
        this.sql = sql;
        this.catalog = catalog;
    }

    @Override
    public IsolatingBatchWriter.Written write(String database, List<EncodedRecord> records) {
        List<TypedRow> rows = new ArrayList<>(records.size());
        records.forEach(record -> rows.add(record.row()));
        try {
            return insert(database, rows);
        } catch (TDengineException e) {
            if (!ErrorCodes.isTableGone(e.code())) {
                throw e;
            }
            if (!known.containsAny(rows)) {
                throw superTableDropped(e, rows);
            }
            log.warn(
                    "writing {} row(s) into database {} answered \"{}\": a child table this task wrote into was"
                            + " dropped since, or its super table was; writing them again naming their super tables",
                    rows.size(),
                    database,
                    e.getMessage());
            known.clear();
        }
        try {
            return insert(database, rows);
        } catch (TDengineException e) {
            throw ErrorCodes.isTableGone(e.code()) ? superTableDropped(e, rows) : e;
        }
    }

    private IsolatingBatchWriter.Written insert(String database, List<TypedRow> rows) {
        SqlInserts.Inserts inserts = SqlInserts.build(database, rows, known);
        long bytes = 0;
        for (String statement : inserts.statements()) {
            sql.execute(statement);
            bytes += Utf8.length(statement);
        }
        known.add(inserts.newTables());
        return new IsolatingBatchWriter.Written(rows.size(), bytes);
    }

    private TDengineException superTableDropped(TDengineException e, List<TypedRow> rows) {
        rows.forEach(row -> catalog.forget(row.schema().database(), row.schema().name()));
        return new TDengineException(
                e.code(), ErrorKind.FATAL, "a super table the sink writes into was dropped: " + e.getMessage(), e);
    }
}
