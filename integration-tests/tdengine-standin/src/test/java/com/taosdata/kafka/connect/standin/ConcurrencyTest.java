package com.taosdata.kafka.connect.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent clients: the creating-status race (facts note, "Transient server answers") and parallel writers. */
class ConcurrencyTest {
    private TDengineStandIn standIn;
    private ExecutorService pool;

    @BeforeEach
    void start() throws Exception {
        standIn = TDengineStandIn.start(StandInOptions.defaults().withDatabaseCreationDelayMillis(300));
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        standIn.close();
    }

    @Test
    void theLoserOfACreateDatabaseRaceSeesCreatingStatus() throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        Callable<Integer> create = () -> {
            barrier.await();
            return RestResponses.json()
                    .readTree(Http.sql(standIn, "CREATE DATABASE IF NOT EXISTS race")
                            .body())
                    .get("code")
                    .asInt();
        };
        Future<Integer> a = pool.submit(create);
        Future<Integer> b = pool.submit(create);
        assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(0, 0x0396);
        assertThat(Http.sql(standIn, "CREATE DATABASE IF NOT EXISTS race").body())
                .contains("\"code\":0");
    }

    @Test
    void parallelWritersLoseNothing() throws Exception {
        Http.sql(standIn, "create database par precision 'ms'");
        Http.sql(standIn, "create stable par.s (ts timestamp, v int) tags (w int)");
        long t0 = System.currentTimeMillis() - 3_600_000L;
        List<Future<Integer>> results = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            results.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    String line = "m,w=" + writer + " v=" + i + "i64,f" + (i % 3) + "=1 " + (t0 + i);
                    int status = Http.influx(standIn, "par", "ms", line).statusCode();
                    if (status != 204) {
                        return status;
                    }
                    String sql = "insert into par.n" + writer + " using par.s tags (" + writer + ") values (" + (t0 + i)
                            + ", " + i + ")";
                    JsonNode answer =
                            RestResponses.json().readTree(Http.sql(standIn, sql).body());
                    if (answer.get("code").asInt() != 0) {
                        return answer.get("code").asInt();
                    }
                }
                return 204;
            }));
        }
        for (Future<Integer> f : results) {
            assertThat(f.get()).isEqualTo(204);
        }
        JsonNode count = RestResponses.json()
                .readTree(Http.sql(standIn, "select count(*) from par.m").body());
        assertThat(count.get("data").get(0).get(0).asInt()).isEqualTo(200);
        JsonNode sqlCount = RestResponses.json()
                .readTree(Http.sql(standIn, "select count(*) from par.s").body());
        assertThat(sqlCount.get("data").get(0).get(0).asInt()).isEqualTo(200);
    }
}
