package io.github.oidcservlet.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app against a real Keycloak 26 (from Maven Central, unpacked by the build): the realm of
 * {@code keycloak/oidc-servlet-realm.json} is imported, user "alice" logs in on Keycloak's own login page in
 * headless Chromium, and {@code /api/me} shows her realm roles through {@code roles-claim=realm_access.roles}.
 * A second app logs in with pushed authorization requests ({@code par=always}, RFC 9126) as a client that Keycloak
 * lets in through PAR only ({@code require.pushed.authorization.requests}).
 */
class KeycloakIT {

    private static final String REALM = "oidc-servlet";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The realm's sample client, copied under this id with PAR required; the test adds it to the realm. */
    private static final String PAR_CLIENT = "oidc-servlet-par";

    static KeycloakServer keycloak;
    static SampleApp app;
    static SampleApp parApp;

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.0.8"));
        assertThat(home.resolve("bin/kc.sh")).as("Keycloak unpacked by maven-dependency-plugin").exists();
        int appPort = freePort();
        int parAppPort = freePort();
        String realmFile;
        try (InputStream in = KeycloakIT.class.getResourceAsStream("/keycloak/oidc-servlet-realm.json")) {
            realmFile = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // The realm file registers the sample at its default address; the test's apps listen elsewhere.
        ObjectNode realm = (ObjectNode) JSON.readTree(realmFile.replace("http://127.0.0.1:8080",
                "http://127.0.0.1:" + appPort));
        ObjectNode parClient = (ObjectNode) JSON.readTree(realmFile.replace("http://127.0.0.1:8080",
                "http://127.0.0.1:" + parAppPort)).path("clients").get(0);
        parClient.put("clientId", PAR_CLIENT);
        // Keycloak's per-client switch: its authorization endpoint then refuses every request without request_uri.
        ((ObjectNode) parClient.path("attributes")).put("require.pushed.authorization.requests", "true");
        ((ArrayNode) realm.path("clients")).add(parClient);
        keycloak = KeycloakServer.start(home, REALM, JSON.writeValueAsString(realm));
        app = startApp(appPort, "oidc-servlet-sample", Map.of());
        parApp = startApp(parAppPort, PAR_CLIENT, Map.of("oidc.par", "always"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static SampleApp startApp(int port, String clientId, Map<String, String> more) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of(
                "oidc.issuer", keycloak.issuer(REALM).toString(),
                "oidc.client-id", clientId,
                "oidc.client-secret", "sample-secret-change-me-0123456789abcdef",
                "oidc.roles-claim", "realm_access.roles"));
        settings.putAll(more);
        settings.forEach(System::setProperty);
        try {
            return SampleApp.start(port, false);
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (app != null) {
                app.close();
            }
            if (parApp != null) {
                parApp.close();
            }
        } finally {
            if (keycloak != null) {
                keycloak.close();
            }
        }
    }

    /** Runs {@code steps} in a fresh headless Chromium, closed afterwards. */
    private static void inBrowser(BrowserSteps steps) throws Exception {
        Path profile = Files.createTempDirectory("keycloak-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of(System.getProperty("sample.chromium", "/usr/bin/chromium")).toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().timeouts().pageLoadTimeout(WAIT);
            steps.run(browser);
        } finally {
            browser.quit();
            KeycloakServer.deleteRecursively(profile);
        }
    }

    private interface BrowserSteps {
        void run(ChromeDriver browser) throws Exception;
    }

    /**
     * Opens the app's {@code /admin}, lands on Keycloak's login page, logs alice in and comes back to the page.
     *
     * @return the URL of Keycloak's authorization request, as the browser was sent to it
     */
    private static String logInAsAlice(ChromeDriver browser, SampleApp target) {
        String admin = target.baseUri().resolve("/admin").toString();
        browser.get(admin);
        String authorization = browser.getCurrentUrl();
        assertThat(authorization).startsWith(keycloak.issuer(REALM) + "/protocol/openid-connect/auth");
        new WebDriverWait(browser, WAIT)
                .withMessage(() -> "no Keycloak login form at " + browser.getCurrentUrl() + ":\n" + browser.getPageSource())
                .until(current -> !current.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys("alice-password");
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, WAIT)
                .withMessage(() -> "expected " + admin + ", at " + browser.getCurrentUrl() + ":\n" + browser.getPageSource())
                .until(current -> admin.equals(current.getCurrentUrl()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Admin");
        return authorization;
    }

    @Test
    void aKeycloakUserLogsInOnKeycloaksPageAndHasHerRealmRoles() throws Exception {
        inBrowser(browser -> {
            logInAsAlice(browser, app);

            browser.get(app.baseUri().resolve("/api/me").toString());
            JsonNode me = JSON.readTree(browser.findElement(By.tagName("pre")).getText());
            assertThat(me.path("name").asText()).isEqualTo("alice");
            assertThat(me.path("roles").toString()).contains("\"admin\"");
            assertThat(me.path("claims").path("iss").asText()).isEqualTo(keycloak.issuer(REALM).toString());
            assertThat(me.path("claims").path("email").asText()).isEqualTo("alice@example.test");
        });
    }

    @Test
    void aClientThatKeycloakLetsInThroughParOnlyLogsInWithParAlways() throws Exception {
        // RFC 9126 §5: Keycloak advertises its PAR endpoint in discovery.
        JsonNode discovery;
        try (InputStream in = java.net.URI.create(keycloak.issuer(REALM) + "/.well-known/openid-configuration")
                .toURL().openStream()) {
            discovery = JSON.readTree(in.readAllBytes());
        }
        assertThat(discovery.path("pushed_authorization_request_endpoint").asText())
                .isEqualTo(keycloak.issuer(REALM) + "/protocol/openid-connect/ext/par/request");
        inBrowser(browser -> {
            String authorization = logInAsAlice(browser, parApp);
            // RFC 9126 §4: the browser carried client_id and request_uri only; state, nonce and the PKCE challenge
            // went over the back channel (and Keycloak refuses this client any other way).
            assertThat(authorization).contains("client_id=" + PAR_CLIENT, "request_uri=")
                    .doesNotContain("state=").doesNotContain("nonce=").doesNotContain("code_challenge=")
                    .doesNotContain("redirect_uri=");
            browser.get(parApp.baseUri().resolve("/api/me").toString());
            JsonNode me = JSON.readTree(browser.findElement(By.tagName("pre")).getText());
            assertThat(me.path("name").asText()).isEqualTo("alice");
            assertThat(me.path("claims").path("azp").asText()).isEqualTo(PAR_CLIENT);
        });
    }
}
