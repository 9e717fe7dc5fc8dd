package com.taosdata.kafka.connect.standin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Checks an {@code Authorization: Basic …} header against the one configured user, telling apart the failures
 * taosAdapter tells apart ({@code controller/rest/auth.go}): no header, not Basic, undecodable; and those TDengine
 * tells apart when taosAdapter logs in with what the header carries: a user that does not exist ({@code 0x351}
 * "Invalid user") and a wrong password ({@code 0x357} "Authentication failure"), as a real 3.3.6.13 answered.
 * The configured user is the only user that exists.
 */
public final class BasicAuth {
    /** The outcome; {@code error} is null when the credentials are right. */
    public enum Result {
        OK(null),
        MISSING(ServerError.HTTP_NO_AUTH_INFO),
        NOT_BASIC(ServerError.HTTP_INVALID_AUTH_TYPE),
        MALFORMED(ServerError.HTTP_INVALID_BASIC_AUTH),
        UNKNOWN_USER(ServerError.MND_USER_NOT_EXIST),
        WRONG_PASSWORD(ServerError.MND_AUTH_FAILURE);

        private final ServerError error;

        Result(ServerError error) {
            this.error = error;
        }

        public ServerError error() {
            return error;
        }

        /**
         * True when taosAdapter could read the credentials and TDengine refused the login: such a failure is a
         * TDengine error, answered as the endpoint answers any TDengine error, not as taosAdapter's own 401.
         */
        public boolean refusedByServer() {
            return this == UNKNOWN_USER || this == WRONG_PASSWORD;
        }
    }

    private final String user;
    private final String password;

    public BasicAuth(String user, String password) {
        this.user = user;
        this.password = password;
    }

    public Result check(String header) {
        if (header == null || header.isBlank()) {
            return Result.MISSING;
        }
        String value = header.trim();
        if (!value.startsWith("Basic ") || value.length() <= 6) {
            return Result.NOT_BASIC;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Result.MALFORMED;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            return Result.MALFORMED;
        }
        return checkCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    public Result checkCredentials(String givenUser, String givenPassword) {
        if (!user.equals(givenUser)) {
            return Result.UNKNOWN_USER;
        }
        return password.equals(givenPassword) ? Result.OK : Result.WRONG_PASSWORD;
    }
}
