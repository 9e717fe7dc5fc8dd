package com.taosdata.kafka.connect.standin;

/**
 * The TDengine and taosAdapter error codes the stand-in answers with.
 *
 * <p>Codes and texts come from TDengine's {@code include/util/taoserror.h} / error-code reference
 * ({@code docs/en/14-reference/09-error-code.md}) and taosAdapter's {@code httperror/errors.go}.
 * {@link #code()} is the full 32-bit TDengine code ({@code 0x80000396}); taosAdapter masks it with
 * {@code 0xffff} before putting it in a response, see {@link #restCode()}.
 */
public enum ServerError {
    OPS_NOT_SUPPORT(0x80000100, "Operation not supported"),
    INVALID_TIMESTAMP(0x80000127, "Invalid timestamp format"),
    DECIMAL_OVERFLOW(0x8000013D, "Decimal value overflow"),
    TSC_INVALID_OPERATION(0x80000200, "Invalid operation"),
    TSC_INVALID_VALUE(0x80000203, "Invalid value in client"),
    SML_MEASURE_INVALID(0x8000020A, "SML line measure is empty or too large"),
    TSC_SQL_SYNTAX_ERROR(0x80000216, "Syntax error in SQL"),
    TSC_INVALID_COLUMN_LENGTH(0x8000021F, "Invalid column length"),
    TSC_INVALID_JSON(0x80000221, "Invalid JSON format"),
    MND_USER_NOT_EXIST(0x80000351, "Invalid user"),
    MND_AUTH_FAILURE(0x80000357, "Authentication failure"),
    MND_STB_ALREADY_EXIST(0x80000360, "STable already exists"),
    /** 0x0362, as a real 3.3.6.13 answered {@code DROP STABLE} of a missing one (the error-code doc says 0x0361). */
    MND_STB_NOT_EXIST(0x80000362, "STable not exist"),
    MND_TAG_ALREADY_EXIST(0x80000369, "Tag already exists"),
    MND_TAG_NOT_EXIST(0x8000036A, "Tag does not exist"),
    MND_COLUMN_ALREADY_EXIST(0x8000036B, "Column already exists"),
    MND_COLUMN_NOT_EXIST(0x8000036C, "Column does not exist"),
    MND_DB_ALREADY_EXIST(0x80000381, "Database already exists"),
    MND_DB_NOT_EXIST(0x80000388, "Database not exist"),
    MND_DB_IN_CREATING(0x80000396, "Database in creating status"),
    TDB_TABLE_ALREADY_EXIST(0x80000603, "Table already exists"),
    TDB_TIMESTAMP_OUT_OF_RANGE(0x8000060B, "Timestamp data out of range"),
    TDB_TABLE_IN_OTHER_STABLE(0x8000061D, "Table already exists in other stables"),
    PAR_SYNTAX_ERROR(0x80002600, "syntax error near"),
    PAR_INVALID_COLUMN(0x80002602, "Invalid column name"),
    PAR_TABLE_NOT_EXIST(0x80002603, "Table does not exist"),
    PAR_TAGS_NOT_MATCHED(0x8000260D, "Tags number not matched"),
    PAR_DB_NOT_SPECIFIED(0x80002616, "Database not specified"),
    PAR_INVALID_DB_OPTION(0x80002619, "Invalid database option"),
    PAR_INVALID_TAGS_LENGTH(0x8000263D, "Tags length exceeds max length"),
    PAR_INVALID_ROW_LENGTH(0x8000263E, "Row length exceeds max length"),
    PAR_INVALID_COLUMNS_NUM(0x8000263F, "Illegal number of columns"),
    PAR_FIRST_COLUMN_NOT_TIMESTAMP(0x80002641, "First column must be timestamp"),
    PAR_INVALID_VAR_COLUMN_LEN(0x80002642, "Invalid binary/nchar column/tag length"),
    PAR_INVALID_MODIFY_COL(
            0x8000264B,
            "Only varbinary/binary/nchar/geometry column length could be modified, and "
                    + "the length can only be increased, not decreased"),
    /** 0x2653 in {@code taoserror.h}; the error-code doc's table lists the text under 0x2610, which is another code. */
    PAR_VALUE_TOO_LONG(0x80002653, "Value too long for column/tag"),
    PAR_INVALID_VARBINARY(0x8000266A, "Invalidate varbinary value"),
    FUNC_FUNTION_PARA_TYPE(0x80002802, "Invalid parameter data type"),
    SML_INVALID_DATA(0x80003002, "Invalid data format"),
    SML_NOT_SAME_TYPE(0x80003004, "Not the same type like before"),
    SML_INTERNAL_ERROR(0x80003005, "Internal error"),
    HTTP_UNSUPPORTED_URL(0x1101, "url is not support"),
    HTTP_NO_AUTH_INFO(0x1105, "no auth info input"),
    HTTP_NO_MSG_INPUT(0x1106, "request is empty"),
    HTTP_NO_SQL_INPUT(0x1107, "no sql input"),
    HTTP_INVALID_AUTH_TYPE(0x1122, "invalid type of Authorization"),
    HTTP_INVALID_BASIC_AUTH(0x1124, "invalid basic Authorization");

    private final int code;
    private final String desc;

    ServerError(int code, String desc) {
        this.code = code;
        this.desc = desc;
    }

    public int code() {
        return code;
    }

    /** The code as taosAdapter puts it in a JSON body: masked to its low 16 bits. */
    public int restCode() {
        return code & 0xffff;
    }

    public String desc() {
        return desc;
    }

    public ServerErrorException error() {
        return new ServerErrorException(this, desc);
    }

    public ServerErrorException error(String detail) {
        return new ServerErrorException(this, detail);
    }
}
