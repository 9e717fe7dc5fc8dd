package com.taosdata.kafka.connect.cli.command;

import static com.taosdata.kafka.connect.cli.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.cli.testing.CliRun.Result;
import com.taosdata.kafka.connect.cli.testing.Golden;
import com.taosdata.kafka.connect.cli.testing.MockConnect;
import org.junit.jupiter.api.Test;

class PluginsCommandTest {

    private static final String PLUGINS = """
            [{"class":"org.apache.kafka.connect.transforms.Cast$Value","type":"transformation","version":"4.1.1"},
             {"class":"com.taosdata.kafka.connect.sink.TDengineSinkConnector","type":"sink","version":"0.1.0"},
             {"class":"com.taosdata.kafka.connect.source.TDengineSourceConnector","type":"source","version":"0.1.0"}]""";

    @Test
    void listsAllPluginKinds() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, PLUGINS);
            Result result = cli("plugins", "--url", server.url());
            assertThat(result.code()).isZero();
            assertThat(server.request().getPath()).isEqualTo("/connector-plugins?connectorsOnly=false");
            Golden.assertMatches("plugins.txt", result.out());
        }
    }

    @Test
    void connectorsOnlyAsJson() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, PLUGINS);
            Result result = cli("plugins", "--connectors-only", "--url", server.url(), "-o", "json");
            assertThat(result.code()).isZero();
            assertThat(server.request().getPath()).isEqualTo("/connector-plugins?connectorsOnly=true");
            Golden.assertMatches("plugins.json", result.out());
        }
    }
}
