package com.taosdata.kafka.connect.cli.config;

import com.taosdata.kafka.connect.cli.error.CliException;
import com.taosdata.kafka.connect.cli.error.ExitCode;

/** A config file that exists but cannot be understood: an invalid config, reported as {@code FILE: key: detail}. */
public final class ConfigFileException extends CliException {

    private final String file;
    private final String key;
    private final String detail;

    public ConfigFileException(String file, String key, String detail, Throwable cause) {
        super(ExitCode.INVALID_OR_FAILED, file + ": " + key + ": " + detail, cause);
        this.file = file;
        this.key = key;
        this.detail = detail;
    }

    public String file() {
        return file;
    }

    public String key() {
        return key;
    }

    public String detail() {
        return detail;
    }
}
