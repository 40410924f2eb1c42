package io.github.oidcservlet.sample.javax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The javax sample's two files as a user gets them: what the WAR holds, and the jar started with no provider. */
class JavaxPackagingIT {

    private static final String WAR = System.getProperty("sample.javax.war");
    private static final String JAR = System.getProperty("sample.javax.jar");

    @Test
    void theWarHoldsTheJavaxFilterAndServletsButNeitherTheJakartaFilterNorTheLauncher() throws IOException {
        try (ZipFile war = new ZipFile(WAR)) {
            List<String> entries = war.stream().map(ZipEntry::getName).toList();

            assertThat(entries).contains("WEB-INF/web.xml", "WEB-INF/lib/oidc-servlet-sample-web-javax.jar");
            assertThat(entries).filteredOn(name -> name.startsWith("WEB-INF/lib/"))
                    .anyMatch(name -> name.startsWith("WEB-INF/lib/oidc-servlet-filter-javax-"))
                    .anyMatch(name -> name.startsWith("WEB-INF/lib/oidc-servlet-core-"))
                    // the jakarta filter has the same class names: on the class path it would shadow ours
                    .noneMatch(name -> name.matches("WEB-INF/lib/(oidc-servlet-filter-\\d|oidc-servlet-sample-\\d"
                            + "|.*-shared|tomcat-|jakarta\\.servlet|javax\\.servlet|mock-oauth2-server|kotlin-|okhttp"
                            + "|jetty-).*"));
            assertThat(entries).as("the launcher stays out").noneMatch(name -> name.endsWith(".class"));
        }
    }

    @Test
    void theJarServesTheWarWithTheDemoProviderWhenNoneIsConfigured() throws Exception {
        try (ServerProcess jar = ServerProcess.java("javax-sample", List.of("-jar", JAR), Map.of())) {
            URI base = URI.create(jar.awaitLine(Pattern.compile("open (http://127\\.0\\.0\\.1:\\d+/)")).group(1));
            String issuer = jar.awaitLine(Pattern.compile("Demo OpenID Provider at (\\S+) ")).group(1);
            assertThat(jar.output()).contains("'admin' or 'demo' gets the admin role");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> profile = http.send(HttpRequest.newBuilder(base.resolve("/profile"))
                    .header("Accept", "text/html").header("Sec-Fetch-Mode", "navigate").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(profile.statusCode()).isEqualTo(302);
            assertThat(profile.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).startsWith(issuer + "/authorize?"));
            assertThat(http.send(HttpRequest.newBuilder(base.resolve("/public/ping")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("pong");
        }
    }
}
