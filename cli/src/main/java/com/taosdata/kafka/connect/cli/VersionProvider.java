package com.taosdata.kafka.connect.cli;

import com.taosdata.kafka.connect.schemas.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code tdconnect --version}: the project version the bundled connectors and SMTs report too. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"tdconnect " + Version.get()};
    }
}
