package com.taosdata.kafka.connect.connection;

import java.util.Set;

/**
 * Classifies TDengine error codes, as listed in TDengine's error code reference and taos-jdbcdriver's
 * {@code TSDBErrorNumbers}. Classification goes by code only: messages differ between versions and transports.
 */
public final class ErrorCodes {

    /** Database in creating status: a concurrent {@code CREATE DATABASE} of the same name is still running. */
    public static final int DB_IN_CREATING = 0x0396;
    /** Database does not exist. */
    public static final int DB_NOT_EXIST = 0x0388;
    /** Authentication failure. */
    public static final int AUTH_FAILURE = 0x0357;
    /** taos-jdbcdriver's code for every failed native connect: the server's reason is in the message only. */
    public static final int JNI_CONNECT_FAILED = 0x2354;

    /** TMQ: the consumer's view of the group is out of date while the group is rebalanced. */
    private static final int TMQ_CONSUMER_MISMATCH = 0x4001;
    /** TMQ: the vgroup does not belong to this consumer (any more). */
    private static final int TMQ_VGROUP_NOT_ASSIGNED = 0x4008;
    /** TMQ: "Assignment or poll interface need to be called first". */
    private static final int TMQ_VGROUP_NOT_READ = 0x4010;

    /** The server rejected the user or password: user disabled, invalid user, authentication failure, user not
     * available; or the client refused their length before sending them. */
    private static final Set<Integer> CREDENTIALS = Set.of(0x0315, 0x0351, AUTH_FAILURE, 0x0358, 0x0207, 0x0208);

    /**
     * What a real TDengine 3.3.6.13 answered while taosd was stopped, killed (SIGKILL) and started under a write, query
     * and TMQ load: 0x0529 (native write during a stop), 0x0131 (REST and WebSocket during a stop), 0x000B (every
     * transport while taosd was down) and {@link #JNI_CONNECT_FAILED} (native connect while down); the rest of the list
     * comes from TDengine's error-code reference.
     */
    private static final Set<Integer> TRANSIENT = Set.of(
            // rpc: network unavailable, timeouts, no dnode reachable, session limits
            0x000B,
            0x0018,
            0x0019,
            0x0020,
            0x0021,
            0x0022,
            0x0023,
            0x0024,
            // common: action in progress, retry needed, rpc queue full, starting up, closing down
            0x0111,
            0x0125,
            0x0126,
            0x0130,
            0x0131,
            // tsc: disconnected from server
            0x0213,
            // mnode: object being created or dropped, database being created, dnode being created/dropped
            0x032C,
            0x032D,
            DB_IN_CREATING,
            0x03B8,
            0x03B9,
            0x03D3,
            // vnode stopped (taosd shutting down under a write load); sync: not leader, propose not ready, restoring
            0x0529,
            0x090C,
            0x0911,
            0x0914,
            // TMQ consumer mismatch: the group is being rebalanced (3.3.6.13 answered it to a consumer reading its
            // assignment while another consumer joined the group)
            TMQ_CONSUMER_MISMATCH,
            // taos-jdbcdriver: connection closed, REST protocol/IO errors, connection/query timeout,
            // JNI connection null (native client could not connect)
            0x2301,
            0x2317,
            0x2318,
            0x231D,
            0x231E,
            JNI_CONNECT_FAILED);

    /**
     * Transient states the server leaves by itself within moments, without an operator: a concurrent creation or
     * drop finishing, a transaction conflict, a vnode electing or restoring its leader. Worth polling again soon
     * rather than after a full retry backoff.
     */
    private static final Set<Integer> SELF_RESOLVING = Set.of(
            0x0111, 0x0125, 0x032C, 0x032D, DB_IN_CREATING, 0x03D3, 0x090C, 0x0911, 0x0914, TMQ_CONSUMER_MISMATCH);

    private static final Set<Integer> DATA = Set.of(
            // common: invalid JSON, invalid timestamp format, invalid data format, invalid value, decimal overflow
            // (3.3.6.13 answered 0x013D to a DECIMAL(10,2) value with too many digits)
            0x011B,
            0x0127,
            0x0132,
            0x0134,
            0x013D,
            // tsc: invalid value (taosc's schemaless parser: a field or tag it cannot read), table name too long /
            // SML measure empty, syntax error, statement too long, invalid column length, invalid JSON format,
            // invalid JSON type, value out of range
            0x0203,
            0x020A,
            0x0216,
            0x0219,
            0x021F,
            0x0221,
            0x0222,
            0x0224,
            // mnode: too many tags or columns, invalid row bytes (schema limits hit by a line)
            0x0364,
            0x0365,
            0x036F,
            // tsdb: timestamp out of range; table already exists in other stables (a table.name.tag value naming a
            // child table of another super table)
            0x060B,
            0x061D,
            // sml: invalid data, type differs from before, internal
            0x3002,
            0x3004,
            0x3005);

    /** Table does not exist: parser (0x2603), tsdb (0x0603) and, for a dropped super table, mnode (0x0362) codes. */
    private static final Set<Integer> TABLE_GONE = Set.of(0x2603, 0x0603, 0x0362);

    private ErrorCodes() {}

    /** Strips the {@code 0x8000} flag TDengine sets on server codes, leaving the number the reference lists. */
    public static int normalize(int code) {
        return code & 0xFFFF;
    }

    public static ErrorKind classify(int code) {
        int normalized = normalize(code);
        if (TRANSIENT.contains(normalized)) {
            return ErrorKind.TRANSIENT;
        }
        // Parser errors (0x26xx) on a schemaless write come from what a line names: bad identifiers,
        // lengths, types. They are about the data, not the connection.
        if (DATA.contains(normalized) || (normalized >= 0x2600 && normalized <= 0x26FF && normalized != 0x2600)) {
            return ErrorKind.DATA;
        }
        return ErrorKind.FATAL;
    }

    /** Whether {@code code} says the configured user or password is wrong: {@link ErrorKind#FATAL}, never retried. */
    public static boolean isCredentialError(int code) {
        return CREDENTIALS.contains(normalize(code));
    }

    /** Whether {@code code} is a {@link ErrorKind#TRANSIENT} state the server leaves by itself within moments. */
    public static boolean isSelfResolving(int code) {
        return SELF_RESOLVING.contains(normalize(code));
    }

    /** Whether {@code code} says a table went away while the source read it: it is then read no more. */
    public static boolean isTableGone(int code) {
        return TABLE_GONE.contains(normalize(code));
    }

    /**
     * Whether {@code code} says a TMQ consumer does not know a vgroup's position right now: the vgroup is not (or no
     * longer) assigned to it (0x4008), or TDengine rebalanced the group and the consumer has not polled the vgroup
     * since (0x4010: {@code position}, {@code seek} and {@code commit} fail until a poll returns its data). Seen on
     * 3.3.6.13 over JNI and WebSocket whenever a second consumer joined or left the group.
     */
    public static boolean isTmqPositionUnknown(int code) {
        int normalized = normalize(code);
        return normalized == TMQ_VGROUP_NOT_ASSIGNED || normalized == TMQ_VGROUP_NOT_READ;
    }

    /** The code as TDengine prints it: {@code 0x8000060b} for server codes, {@code 0x2301} for driver codes. */
    public static String hex(int code) {
        return "0x" + Integer.toHexString(code);
    }
}
