package com.taosdata.kafka.connect.connection;

import com.taosdata.jdbc.TSDBDriver;
import com.taosdata.jdbc.tmq.TMQConstants;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.config.types.Password;

/**
 * How the connectors log in to TDengine: a user and password, or a TDengine Cloud token. Each secret travels only
 * where the driver or taosAdapter reads it (a driver property, a header, the request's {@code token} parameter),
 * never in {@code connection.url} or in a message; {@link #toString()} names the kind of login only.
 */
public final class Credentials {

    private final String user;
    private final Password password;
    private final Password token;

    private Credentials(String user, Password password, Password token) {
        this.user = user;
        this.password = password;
        this.token = token;
    }

    public static Credentials userAndPassword(String user, Password password) {
        return new Credentials(user, password, null);
    }

    public static Credentials token(Password token) {
        return new Credentials(null, null, token);
    }

    public boolean isToken() {
        return token != null;
    }

    /** Sets the login of a taos-jdbcdriver connection: {@code user} and {@code password}, or {@code token}. */
    public void addTo(Properties driverProperties) {
        if (isToken()) {
            driverProperties.setProperty(TSDBDriver.PROPERTY_KEY_TOKEN, token.value());
        } else {
            driverProperties.setProperty(TSDBDriver.PROPERTY_KEY_USER, user);
            driverProperties.setProperty(TSDBDriver.PROPERTY_KEY_PASSWORD, password.value());
        }
    }

    /** Sets the login of a taos-jdbcdriver {@code TaosConsumer}, whose user and password keys differ. */
    public void addToConsumer(Properties consumerProperties) {
        if (isToken()) {
            consumerProperties.setProperty(TMQConstants.CONNECT_TOKEN, token.value());
        } else {
            consumerProperties.setProperty(TMQConstants.CONNECT_USER, user);
            consumerProperties.setProperty(TMQConstants.CONNECT_PASS, password.value());
        }
    }

    /** The {@code Authorization} header of a request to taosAdapter; none with a token, which is a parameter. */
    public Optional<String> httpAuthorization() {
        if (isToken()) {
            return Optional.empty();
        }
        return Optional.of("Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password.value()).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The query parameter ({@code token=…}) TDengine Cloud reads a token from, as taos-jdbcdriver sends it; empty
     * for a user and password.
     */
    public String httpQueryParameter() {
        return isToken() ? "token=" + URLEncoder.encode(token.value(), StandardCharsets.UTF_8) : "";
    }

    @Override
    public String toString() {
        return isToken() ? "token [hidden]" : "user " + user;
    }
}
