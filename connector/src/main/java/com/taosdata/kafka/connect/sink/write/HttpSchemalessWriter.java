package com.taosdata.kafka.connect.sink.write;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.errors.ConnectException;

import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.connection.TDengineUrl;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.sink.config.SchemalessProtocol;
import com.taosdata.kafka.connect.sink.config.TableOptions;

/**
 * Schemaless writes over taosAdapter's HTTP endpoints, for {@code jdbc:TAOS-RS://} URLs:
 * {@code /influxdb/v1/write?db=…&precision=…}, {@code /opentsdb/v1/put/telnet/<db>} and
 * {@code /opentsdb/v1/put/json/<db>}, with HTTP Basic authentication. All three take {@code table_name_key} and
 * {@code ttl} query parameters for the child tables a write creates.
 */
public final class HttpSchemalessWriter implements SchemalessWriter {

    private final HttpClient client;
    private final String baseUrl;
    private final SchemalessProtocol protocol;
    private final TimestampUnit precision;
    /** {@code &key=value…} of the table options, or "". */
    private final String tableParams;
    private final String authorization;
    private final Duration timeout;

    public HttpSchemalessWriter(TDengineUrl url, String user, Password password, SchemalessProtocol protocol,
                                TimestampUnit precision, TableOptions tables, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        this.baseUrl = url.httpBaseUrl();
        this.protocol = protocol;
        this.precision = precision;
        this.tableParams = tableParams(tables);
        this.timeout = timeout;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password.value()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(String database, List<String> payloads) {
        String body = protocol == SchemalessProtocol.JSON ? OpenTsdbJson.mergeIntoArray(payloads) : String.join("\n", payloads);
        HttpRequest request = HttpRequest.newBuilder(endpoint(database))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw TDengineException.transientFailure("schemaless write into " + database + " via " + baseUrl + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while writing into " + database, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw TaosAdapterErrorParser.fromResponse("schemaless write of " + payloads.size() + " payload(s) into " + database,
                    response.statusCode(), response.body());
        }
    }

    URI endpoint(String database) {
        String db = URLEncoder.encode(database, StandardCharsets.UTF_8);
        return switch (protocol) {
            case LINE -> URI.create(baseUrl + "/influxdb/v1/write?db=" + db + "&precision=" + influxPrecision(precision)
                    + tableParams);
            case TELNET -> URI.create(baseUrl + "/opentsdb/v1/put/telnet/" + db + openTsdbQuery());
            case JSON -> URI.create(baseUrl + "/opentsdb/v1/put/json/" + db + openTsdbQuery());
        };
    }

    private String openTsdbQuery() {
        return tableParams.isEmpty() ? "" : "?" + tableParams.substring(1);
    }

    /** The query parameters ({@code &key=value…}) of the table options that differ from TDengine's defaults. */
    static String tableParams(TableOptions tables) {
        StringBuilder query = new StringBuilder();
        if (tables.tableNameTag() != null) {
            query.append("&table_name_key=").append(URLEncoder.encode(tables.tableNameTag(), StandardCharsets.UTF_8));
        }
        if (tables.ttlDays() != 0) {
            query.append("&ttl=").append(tables.ttlDays());
        }
        return query.toString();
    }

    /** taosAdapter takes InfluxDB's precision names: {@code u} for microseconds. */
    static String influxPrecision(TimestampUnit precision) {
        return precision == TimestampUnit.US ? "u" : precision.configValue();
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its connections idle out on their own.
    }
}
