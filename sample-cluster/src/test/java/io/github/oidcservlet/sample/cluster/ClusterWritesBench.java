package io.github.oidcservlet.sample.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oidcservlet.testkit.Signing;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestPostgres;
import io.github.oidcservlet.testkit.TestProvider;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The database writes behind each operation of the cluster sample, the input of the capacity estimate in
 * docs/CLUSTERING.md: PostgreSQL logs every statement ({@code log_statement=all}), and the writes in the log are
 * counted per operation and per table (Jetty's session table, our {@code oidc_*} tables). Not part of the suite; run
 * it with {@code mvn -pl sample-cluster -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ClusterWritesBench}. Results: stdout and {@code target/cluster-writes.txt}.
 */
class ClusterWritesBench {

    private static final int TIMES = 20;
    private static final Pattern WRITE = Pattern.compile(
            "(?:statement|execute [^:]*): [^\\n]*?(?<!FOR )\\b(INSERT INTO|UPDATE|DELETE FROM)\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void databaseWritesPerOperation() throws Exception {
        StringBuilder report = new StringBuilder("Database writes per operation, over " + TIMES + " of each\n");
        try (TestProvider provider = TestProvider.start()) {
            Map<String, String> settings = Map.of("issuer", provider.issuer(), "client-id",
                    TestProvider.DEFAULT_CLIENT_ID, "client-secret", TestProvider.DEFAULT_CLIENT_SECRET,
                    "refresh-margin", "120");
            try (ClusterUnderTest cluster = ClusterUnderTest.start(settings)) {
                TestPostgres postgres = cluster.cluster().postgres();
                logWrites(postgres);
                String base = cluster.baseUri().toString();

                int mark = postgres.log().length();
                TestBrowser[] browsers = new TestBrowser[TIMES];
                for (int i = 0; i < TIMES; i++) {
                    browsers[i] = logIn(provider, base, "user" + i);
                }
                report.append(line("login (redirect, callback, landing page)", postgres, mark));

                mark = postgres.log().length();
                for (int i = 0; i < TIMES; i++) {
                    assertThat(browsers[0].get(base + "api/me").statusCode()).isEqualTo(200);
                }
                report.append(line("authenticated request, nothing changed", postgres, mark));

                provider.behaviour().expiresIn(60L);
                TestBrowser refreshing = logIn(provider, base, "refresher");
                mark = postgres.log().length();
                for (int i = 0; i < TIMES; i++) {
                    assertThat(refreshing.get(base + "api/me").statusCode()).isEqualTo(200);
                }
                report.append(line("request with a refresh (token always due)", postgres, mark));

                mark = postgres.log().length();
                for (int i = 0; i < TIMES; i++) {
                    String token = provider.signLogoutToken(provider.logoutTokenClaims().subject("user" + i).build(),
                            Signing.RS256);
                    assertThat(new TestBrowser().post(base + "oidc/backchannel-logout", Map.of("logout_token", token))
                            .statusCode()).isEqualTo(200);
                }
                report.append(line("back-channel logout (the POST alone)", postgres, mark));
            }
        }
        System.out.print(report);
        Files.writeString(Path.of("target/cluster-writes.txt"), report, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void logWrites(TestPostgres postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
                Statement statement = connection.createStatement()) {
            // 'all', not 'mod': PostgreSQL files a data-modifying WITH (the ended-logins upsert) under SELECT
            statement.execute("ALTER SYSTEM SET log_statement = 'all'");
            statement.execute("SELECT pg_reload_conf()");
        }
        Thread.sleep(500); // the reload reaches every backend at its next command; this wait is only for the count
    }

    private static String line(String operation, TestPostgres postgres, int mark) throws InterruptedException {
        Thread.sleep(300); // the server writes its log asynchronously to our reading of it
        Map<String, Integer> perTable = new LinkedHashMap<>();
        Matcher matcher = WRITE.matcher(postgres.log().substring(mark));
        while (matcher.find()) {
            perTable.merge(matcher.group(1).split(" ")[0].toUpperCase() + " " + matcher.group(2).toLowerCase(), 1,
                    Integer::sum);
        }
        StringBuilder text = new StringBuilder(String.format("%-45s", operation));
        int total = perTable.values().stream().mapToInt(Integer::intValue).sum();
        text.append(String.format("%5.2f writes:", total / (double) TIMES));
        perTable.forEach((what, count) -> text.append(String.format(" %s %.2f,", what, count / (double) TIMES)));
        return text.append('\n').toString();
    }

    private static TestBrowser logIn(TestProvider provider, String base, String user) {
        provider.loginAs(user);
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> landed = browser.follow(browser.get(base + "profile", "Accept", "text/html",
                "Sec-Fetch-Mode", "navigate"), 4);
        assertThat(landed.statusCode()).as("login of %s", user).isEqualTo(200);
        return browser;
    }

}
