package com.taosdata.kafka.connect.source.config;

import com.taosdata.kafka.connect.naming.Identifiers;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** {@code connection.database} is required by the source and must be a valid TDengine database name. */
final class DatabaseValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        String problem = Identifiers.databaseNameProblem(
                value == null ? null : value.toString().trim());
        if (problem != null) {
            throw new ConfigException(name, value, problem);
        }
    }

    @Override
    public String toString() {
        return "a TDengine database name";
    }
}
