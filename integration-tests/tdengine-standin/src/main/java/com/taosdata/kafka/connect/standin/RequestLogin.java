package com.taosdata.kafka.connect.standin;

import java.util.Map;

/**
 * The login of one request. By default taosAdapter's: an {@code Authorization: Basic …} header ({@link BasicAuth}),
 * and on {@code /influxdb/v1/write} also {@code u}/{@code p} parameters. With a token configured, TDengine Cloud's:
 * the {@code token} query parameter its REST API reads ({@code https://<url>/rest/sql/[db]?token=<token>}, Cloud's
 * REST API doc; taos-jdbcdriver 3.7.3 {@code RestfulStatement} appends {@code ?token=} unencoded), and nothing else.
 *
 * <p>Cloud's answer to a wrong or missing token is documented nowhere we could find; the stand-in answers as
 * taosAdapter answers the failed login it resembles: no token is a request without credentials
 * ({@link BasicAuth.Result#MISSING}, 401), a wrong token is TDengine's refusal to log in
 * ({@link BasicAuth.Result#WRONG_PASSWORD}, {@code 0x357} "Authentication failure").
 */
public final class RequestLogin {
    static final String TOKEN_PARAMETER = "token";

    private final BasicAuth basic;
    /** Cloud's token; null for taosAdapter's Basic login. */
    private final String token;

    public RequestLogin(BasicAuth basic, String token) {
        this.basic = basic;
        this.token = token;
    }

    /** The login of a request to {@code /rest/sql} or {@code /opentsdb/v1/put/…}. */
    public BasicAuth.Result check(String authorization, Map<String, String> query) {
        return token == null ? basic.check(authorization) : checkToken(query);
    }

    /** The login of a request to {@code /influxdb/v1/write}, whose plugin also reads {@code u} and {@code p}. */
    public BasicAuth.Result checkInflux(String authorization, Map<String, String> query) {
        if (token != null) {
            return checkToken(query);
        }
        if (query.containsKey("u") || query.containsKey("p")) {
            return basic.checkCredentials(query.getOrDefault("u", ""), query.getOrDefault("p", ""));
        }
        return basic.check(authorization);
    }

    private BasicAuth.Result checkToken(Map<String, String> query) {
        String given = query.get(TOKEN_PARAMETER);
        if (given == null || given.isEmpty()) {
            return BasicAuth.Result.MISSING;
        }
        return token.equals(given) ? BasicAuth.Result.OK : BasicAuth.Result.WRONG_PASSWORD;
    }
}
