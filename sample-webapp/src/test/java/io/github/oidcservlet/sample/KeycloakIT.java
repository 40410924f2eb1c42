package io.github.oidcservlet.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app against a real Keycloak 26 (from Maven Central, unpacked by the build): the realm of
 * {@code keycloak/oidc-servlet-realm.json} is imported, user "alice" logs in on Keycloak's own login page in
 * headless Chromium, and {@code /api/me} shows her realm roles through {@code roles-claim=realm_access.roles}.
 */
class KeycloakIT {

    private static final String REALM = "oidc-servlet";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    static KeycloakServer keycloak;
    static SampleApp app;

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.0.8"));
        assertThat(home.resolve("bin/kc.sh")).as("Keycloak unpacked by maven-dependency-plugin").exists();
        int appPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            appPort = socket.getLocalPort();
        }
        String realm;
        try (InputStream in = KeycloakIT.class.getResourceAsStream("/keycloak/oidc-servlet-realm.json")) {
            // The realm file registers the sample at its default address; the test's app listens elsewhere.
            realm = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("http://127.0.0.1:8080", "http://127.0.0.1:" + appPort);
        }
        keycloak = KeycloakServer.start(home, REALM, realm);
        Map<String, String> settings = Map.of(
                "oidc.issuer", keycloak.issuer(REALM).toString(),
                "oidc.client-id", "oidc-servlet-sample",
                "oidc.client-secret", "sample-secret-change-me-0123456789abcdef",
                "oidc.roles-claim", "realm_access.roles");
        settings.forEach(System::setProperty);
        try {
            app = SampleApp.start(appPort, false);
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
        } finally {
            if (keycloak != null) {
                keycloak.close();
            }
        }
    }

    @Test
    void aKeycloakUserLogsInOnKeycloaksPageAndHasHerRealmRoles() throws Exception {
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
            String admin = app.baseUri().resolve("/admin").toString();
            browser.get(admin);
            assertThat(browser.getCurrentUrl()).startsWith(keycloak.issuer(REALM) + "/protocol/openid-connect/auth");
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

            browser.get(app.baseUri().resolve("/api/me").toString());
            JsonNode me = JSON.readTree(browser.findElement(By.tagName("pre")).getText());
            assertThat(me.path("name").asText()).isEqualTo("alice");
            assertThat(me.path("roles").toString()).contains("\"admin\"");
            assertThat(me.path("claims").path("iss").asText()).isEqualTo(keycloak.issuer(REALM).toString());
            assertThat(me.path("claims").path("email").asText()).isEqualTo("alice@example.test");
        } finally {
            browser.quit();
            KeycloakServer.deleteRecursively(profile);
        }
    }
}
