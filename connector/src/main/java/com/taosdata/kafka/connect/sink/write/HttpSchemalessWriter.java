package com.taosdata.kafka.connect.sink.write;

import com.taosdata.kafka.connect.connection.Credentials;
import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.connection.TDengineUrl;
import com.taosdata.kafka.connect.connection.TlsDiagnosis;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.sink.config.SchemalessProtocol;
import com.taosdata.kafka.connect.sink.config.TableOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Schemaless writes over taosAdapter's HTTP endpoints, for {@code jdbc:TAOS-RS://} URLs:
 * {@code /influxdb/v1/write?db=…&precision=…}, {@code /opentsdb/v1/put/telnet/<db>} and
 * {@code /opentsdb/v1/put/json/<db>}, with HTTP Basic authentication or a TDengine Cloud token parameter. All three
 * take {@code table_name_key} and {@code ttl} query parameters for the child tables a write creates. Over TLS the JDK
 * client trusts the JVM's truststore, as taos-jdbcdriver does.
 */
public final class HttpSchemalessWriter implements SchemalessWriter {

    private final HttpClient client;
    private final TDengineUrl url;
    private final String baseUrl;
    private final SchemalessProtocol protocol;
    private final TimestampUnit precision;
    /** {@code &key=value…} of the table options and the token, or "". */
    private final String params;

    private final Optional<String> authorization;
    private final Duration timeout;

    public HttpSchemalessWriter(
            TDengineUrl url,
            Credentials credentials,
            SchemalessProtocol protocol,
            TimestampUnit precision,
            TableOptions tables,
            Duration timeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.url = url;
        this.baseUrl = url.httpBaseUrl();
        this.protocol = protocol;
        this.precision = precision;
        String token = credentials.httpQueryParameter();
        this.params = tableParams(tables) + (token.isEmpty() ? "" : "&" + token);
        this.timeout = timeout;
        this.authorization = credentials.httpAuthorization();
    }

    @Override
    public long write(String database, List<String> payloads) {
        boolean json = protocol == SchemalessProtocol.JSON;
        byte[] body = (json ? OpenTsdbJson.mergeIntoArray(payloads) : String.join("\n", payloads))
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(database))
                .timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            String what = "schemaless write into " + database + " via " + baseUrl + " failed: ";
            throw TlsDiagnosis.explain(url, e, timeout)
                    .map(problem -> new TDengineException(0, ErrorKind.FATAL, what + problem, e))
                    .orElseGet(() -> TDengineException.transientFailure(what + e, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while writing into " + database, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw TaosAdapterErrorParser.fromResponse(
                    "schemaless write of " + payloads.size() + " payload(s) into " + database,
                    response.statusCode(),
                    response.body());
        }
        // Lines are sized from the body already encoded rather than scanned again: a JFR profile of a REST worker
        // found that scan in most of the writer thread's samples. Each line feed between them is one byte.
        return json ? Utf8.length(payloads) : body.length - Math.max(0, payloads.size() - 1);
    }

    URI endpoint(String database) {
        String db = URLEncoder.encode(database, StandardCharsets.UTF_8);
        return switch (protocol) {
            case LINE ->
                URI.create(
                        baseUrl + "/influxdb/v1/write?db=" + db + "&precision=" + influxPrecision(precision) + params);
            case TELNET -> URI.create(baseUrl + "/opentsdb/v1/put/telnet/" + db + openTsdbQuery());
            case JSON -> URI.create(baseUrl + "/opentsdb/v1/put/json/" + db + openTsdbQuery());
        };
    }

    private String openTsdbQuery() {
        return params.isEmpty() ? "" : "?" + params.substring(1);
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
