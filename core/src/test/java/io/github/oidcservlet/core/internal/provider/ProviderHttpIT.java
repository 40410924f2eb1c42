package io.github.oidcservlet.core.internal.provider;

import io.github.oidcservlet.testkit.TestProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderHttpIT {

    private static final Pattern SELECTOR = Pattern.compile("HttpClient-(\\d+)-SelectorManager");

    @Test
    void answersReachTheCallerWithoutAWorkerPoolHandOff() {
        try (TestProvider provider = TestProvider.start()) {
            Set<String> before = threadNames();
            ProviderHttp http = new ProviderHttp(Duration.ofSeconds(5), Duration.ofSeconds(5));
            for (int i = 0; i < 3; i++) {
                assertThat(http.get(provider.jwksUri(), "JWKS endpoint").status()).isEqualTo(200);
            }

            Set<String> started = threadNames();
            started.removeAll(before);
            // the JDK client names its threads HttpClient-<id>-SelectorManager and HttpClient-<id>-Worker-<n>
            String id = started.stream().map(SELECTOR::matcher).filter(Matcher::matches).map(m -> m.group(1))
                    .findFirst().orElseThrow();
            assertThat(started).noneMatch(name -> name.startsWith("HttpClient-" + id + "-Worker-"));
        }
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).collect(Collectors.toSet());
    }
}
