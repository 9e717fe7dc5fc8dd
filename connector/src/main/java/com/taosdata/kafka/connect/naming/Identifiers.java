package com.taosdata.kafka.connect.naming;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * TDengine identifiers the connectors put into SQL. Names are validated against TDengine's naming rules
 * (letters, digits and underscores, not starting with a digit, at most 64 bytes) and always sent in backquotes,
 * never concatenated raw.
 */
public final class Identifiers {

    public static final int MAX_DATABASE_NAME_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9_]");

    private Identifiers() {}

    /** Why {@code name} cannot name a TDengine database, or {@code null} when it can. */
    public static String databaseNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "a database name must not be empty";
        }
        if (name.length() > MAX_DATABASE_NAME_LENGTH) {
            return "database name '" + name + "' is longer than " + MAX_DATABASE_NAME_LENGTH + " characters";
        }
        if (!VALID.matcher(name).matches()) {
            return "database name '" + name + "' may only contain letters, digits and underscores, and must not "
                    + "start with a digit";
        }
        return null;
    }

    /**
     * {@code name} with every character TDengine does not allow in a name (anything but ASCII letters, digits and
     * underscores: Kafka's dots and hyphens above all) replaced by an underscore, so {@code iot.meters} and
     * {@code site-1.power} become {@code iot_meters} and {@code site_1_power}. The result may still be invalid
     * (too long, or starting with a digit); {@link #databaseNameProblem} says so.
     */
    public static String replaceNotAllowed(String name) {
        return NOT_ALLOWED.matcher(name).replaceAll("_");
    }

    /**
     * The canonical form of a valid database name: TDengine folds unquoted names to lower case, so the sink does
     * too, and a database created by the sink is the one a user's unquoted query finds.
     */
    public static String canonicalDatabase(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** {@code name} in backquotes; only for names that passed {@link #databaseNameProblem}. */
    public static String quote(String name) {
        if (name.indexOf('`') >= 0) {
            throw new IllegalArgumentException("identifier contains a backquote: " + name);
        }
        return "`" + name + "`";
    }

    /** A SQL string literal. */
    public static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
