package io.github.oidcservlet.sample.jakartaee;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oidcservlet.testkit.TestBrowser;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Jakarta EE sample's jar started as {@code OIDC_PROVIDERS=one,two java -jar ...} starts it, without issuers: its
 * demo provider serves both registrations (issuers {@code /one} and {@code /two}), and the mechanism shows the
 * chooser, follows {@code ?provider=}, sends each login through its own callback {@code /oidc/callback/<name>},
 * tells the caller's registration ({@code OidcContext.getRegistration()}), and challenges API calls with both login
 * URLs.
 */
class SeveralProvidersIT {

    private static final String[] NAVIGATION = {"Accept", "text/html", "Sec-Fetch-Mode", "navigate"};
    private static final Pattern ISSUERS = Pattern.compile(
            "one issuer per registration OIDC_PROVIDERS names without an issuer: (\\S+/one) (\\S+/two)$");

    private static SampleJar jar;
    private static String app;
    private static Map<String, String> issuers;

    @BeforeAll
    static void start() throws Exception {
        jar = SampleJar.launch(Map.of(), Map.of("OIDC_PROVIDERS", "one,two"));
        app = jar.awaitServing().toString();
        Matcher demo = jar.await(ISSUERS);
        issuers = Map.of("one", demo.group(1), "two", demo.group(2));
    }

    @AfterAll
    static void stop() {
        if (jar != null) {
            jar.close();
        }
    }

    @Test
    void aProtectedPageShowsTheChooserWithBothProviders() {
        HttpResponse<String> chooser = new TestBrowser().get(app + "profile", NAVIGATION);

        assertThat(chooser.statusCode()).isEqualTo(200);
        assertThat(chooser.body()).contains("<h1>Log in</h1>",
                "<a href=\"/oidc/login?provider=one&amp;return=%2Fprofile\">Log in with one</a>",
                "<a href=\"/oidc/login?provider=two&amp;return=%2Fprofile\">Log in with two</a>");
    }

    @Test
    void providerInTheQueryGoesStraightToThatProviderWithItsOwnRedirectUri() {
        HttpResponse<String> redirect = new TestBrowser().get(app + "profile?provider=two", NAVIGATION);

        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(issuers.get("two") + "/authorize?");
        assertThat(query(location)).contains("redirect_uri=" + app + "oidc/callback/two&");
    }

    @Test
    void anApiCallGets401WithTheLoginUrlOfEachProvider() {
        HttpResponse<String> refused = new TestBrowser().get(app + "api/me");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).contains(
                "provider=\"one\", login=\"" + app + "oidc/login?provider=one\"",
                "provider=\"two\", login=\"" + app + "oidc/login?provider=two\"");
    }

    /** A full login through each: the chooser's link for one, {@code ?provider=two} for two. */
    @Test
    void aCallerLogsInThroughEachProviderAndTheApplicationTellsWhichRegistration() throws Exception {
        JakartaSampleBrowserIT.CDP_VERSION_LOG.setLevel(Level.SEVERE);
        assertThat(JakartaSampleBrowserIT.CHROMIUM).as("Chromium (apt-get install -y chromium chromium-driver)")
                .isExecutable();
        Path profile = Files.createTempDirectory("jakarta-sample-chromium-");
        WebDriver browser = JakartaSampleBrowserIT.chromium(profile);
        try {
            browser.get(app + "profile");
            browser.findElement(By.linkText("Log in with one")).click();
            logIn(browser, "one", "user-of-one");
            JakartaSampleBrowserIT.waitFor(browser, app + "profile");
            assertThat(browser.findElement(By.cssSelector("p[data-registration=one]")).getText())
                    .isEqualTo("Logged in with one.");
            assertThat(claim(browser, "iss")).isEqualTo(issuers.get("one"));
            browser.get(app + "api/me");
            assertThat(browser.getPageSource()).contains("\"registration\":\"one\"", "\"sub\":\"user-of-one\"");

            browser.manage().deleteAllCookies();
            browser.get(app + "profile?provider=two");
            logIn(browser, "two", "user-of-two");
            JakartaSampleBrowserIT.waitFor(browser, app + "profile?provider=two");
            assertThat(browser.findElement(By.cssSelector("p[data-registration=two]")).getText())
                    .isEqualTo("Logged in with two.");
            assertThat(claim(browser, "iss")).isEqualTo(issuers.get("two"));
            browser.get(app + "api/me");
            assertThat(browser.getPageSource()).contains("\"registration\":\"two\"", "\"sub\":\"user-of-two\"");
        } finally {
            browser.quit();
            JakartaSampleBrowserIT.deleteRecursively(profile);
        }
    }

    /** On provider {@code name}'s login form, reached with that registration's redirect URI: log in as the user. */
    private static void logIn(WebDriver browser, String name, String user) {
        new WebDriverWait(browser, JakartaSampleBrowserIT.WAIT)
                .withMessage(() -> "expected the login page of " + name + ", at " + browser.getCurrentUrl())
                .until(current -> current.getCurrentUrl().startsWith(issuers.get(name) + "/authorize"));
        assertThat(query(browser.getCurrentUrl())).contains("redirect_uri=" + app + "oidc/callback/" + name + "&");
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.cssSelector("input[type=submit]")).click();
    }

    private static String claim(WebDriver browser, String name) {
        return browser.findElement(By.cssSelector("tr[data-claim='" + name + "'] td")).getText();
    }

    private static String query(String url) {
        return URLDecoder.decode(URI.create(url).getRawQuery(), StandardCharsets.UTF_8) + "&";
    }
}
