package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 §8: the time from a logout recorded on node A to node B refusing the login, p50/p99, with LISTEN/NOTIFY
 * and with polling. {@code -Doidc.jdbc.latency.ends=50} for the figures of docs/CLUSTERING.md (default 10, to
 * keep the suite short); each end comes at a random moment, so polling's phase is not always the same.
 */
class PropagationLatencyIT {

    private static TestPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @ParameterizedTest(name = "store-notify={0}")
    @ValueSource(booleans = {true, false})
    void anEndReachesTheOtherNodeWithinTwoSeconds(boolean notify) throws Exception {
        int ends = Integer.getInteger("oidc.jdbc.latency.ends", 10);
        String prefix = Nodes.freshPrefix();
        String[] keys = {"store-table-prefix", prefix, "store-notify", Boolean.toString(notify),
                "store-poll-interval", "1"};
        List<Long> latencies = new ArrayList<>();
        try (JdbcStores a = Nodes.node(Nodes.config(postgres, keys));
             JdbcStores b = Nodes.node(Nodes.config(postgres, keys))) {
            for (int i = 0; i < ends; i++) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(notify ? 50 : 1000));
                String sid = UUID.randomUUID().toString();
                OidcLogin onB = Nodes.login("alice", sid);
                long start = System.nanoTime();
                a.endedLogins().end(sid, null, System.currentTimeMillis(), System.currentTimeMillis());
                while (!b.endedLogins().isEnded(onB)) {
                    assertThat(System.nanoTime() - start).as("end %d not seen within 2 s", i)
                            .isLessThan(Duration.ofSeconds(2).toNanos());
                    Thread.onSpinWait();
                }
                latencies.add((System.nanoTime() - start) / 1000);
            }
        }
        Collections.sort(latencies);
        String line = String.format("propagation with %s over %d ends: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                notify ? "LISTEN/NOTIFY" : "polling every 1 s", ends, percentile(latencies, 50) / 1000.0,
                percentile(latencies, 99) / 1000.0, latencies.get(latencies.size() - 1) / 1000.0);
        System.out.print(line);
        record(line);
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void record(String line) throws IOException {
        Files.writeString(Path.of("target", "propagation-latency.txt"), line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
