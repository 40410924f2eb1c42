package io.github.oidcservlet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in a real headless Chromium: log in on the demo provider's page, come back to the application, and
 * see what each kind of user may see. One fresh browser() per scenario, one application for the class.
 *
 * <p>Chromium and its driver are Debian's ({@link HeadlessChromium}); without them this test fails rather than skips.
 */
class SampleAppBrowserTest {

    private static final Duration WAIT = HeadlessChromium.WAIT;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SampleApp app;
    private static DemoProvider provider;

    @RegisterExtension
    final HeadlessChromium.PerTest chromium = new HeadlessChromium.PerTest();

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assertInstalled();
        app = SampleApp.start(0);
        provider = app.demoProvider().orElseThrow(() -> new AssertionError(
                "the browser() test logs in on the demo provider: unset OIDC_ISSUER and OIDC_AUTHORIZATION_ENDPOINT"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }



    private WebDriver browser() {
        return chromium.driver();
    }

    @Test
    void aUserWithoutTheAdminRoleSeesTheirClaimsButNotTheAdminPage() throws Exception {
        browser().get(url("profile"));
        logInOnTheProviderPage("alice");
        waitFor(url("profile"));

        assertThat(browser().findElement(By.id("name")).getText()).isEqualTo("alice");
        assertThat(claim("sub")).isEqualTo("alice");
        assertThat(claim("preferred_username")).isEqualTo("alice");
        assertThat(claim("iss")).isEqualTo(provider.issuer().toString());
        assertThat(claim("groups")).isEqualTo("[\"users\"]");

        browser().get(url("admin"));
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Forbidden");

        JsonNode me = apiMe();
        assertThat(me.path("name").asText()).isEqualTo("alice");
        assertThat(me.path("roles").toString()).isEqualTo("[\"users\"]");
        assertThat(me.path("claims").path("sub").asText()).isEqualTo("alice");
    }

    @Test
    void theAdminDemoUserReachesTheAdminPage() throws Exception {
        browser().get(url("admin"));
        logInOnTheProviderPage("admin");
        waitFor(url("admin"));

        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Admin");
        assertThat(apiMe().path("roles").toString()).isEqualTo("[\"admin\",\"users\"]");
    }

    @Test
    void loggingOutLandsOnThePostLogoutPageAndProtectedPagesAskToLogInAgain() {
        browser().get(url("profile"));
        logInOnTheProviderPage("bob");
        waitFor(url("profile"));

        // the app's own link: a same-origin navigation, so no confirmation page; through the provider's
        // end_session_endpoint back to the post-logout page (the application root by default)
        browser().findElement(By.linkText("Log out")).click();
        new WebDriverWait(browser(), WAIT)
                .withMessage(() -> "after logout, at " + browser().getCurrentUrl() + ":\n" + browser().getPageSource())
                .until(urlStartsWith(app.baseUri().toString()));
        String landed = browser().getCurrentUrl();
        assertThat(landed.replaceFirst("\\?.*", "")).as("the post-logout page").isEqualTo(url(""));
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Welcome");
        assertThat(browser().getPageSource()).doesNotContain("Signed in as");
        assertThat(browser().findElement(By.id("logged-out")).getText()).isEqualTo("You are logged out.");
        assertThat(browser().findElements(By.linkText("Log out"))).as("no way out for who is not in").isEmpty();

        browser().get(url("api/ping"));
        assertThat(browser().getPageSource()).contains("unauthenticated");
        browser().get(url("profile"));
        assertThat(browser().getCurrentUrl()).as("logged out: back to the provider")
                .startsWith(provider.authorizationEndpoint().toString());
        assertThat(browser().findElements(By.name("username"))).as("the provider's login form").isNotEmpty();
    }

    /** Types the user name into mock-oauth2-server's login form and submits it. */
    private void logInOnTheProviderPage(String userName) {
        assertThat(browser().getCurrentUrl()).startsWith(provider.authorizationEndpoint().toString());
        browser().findElement(By.name("username")).sendKeys(userName);
        browser().findElement(By.cssSelector("input[type=submit]")).click();
    }

    private void waitFor(String url) {
        new WebDriverWait(browser(), WAIT)
                .withMessage(() -> "expected " + url + ", at " + browser().getCurrentUrl() + ":\n"
                        + browser().getPageSource())
                .until(current -> url.equals(current.getCurrentUrl()));
    }

    private static ExpectedCondition<Boolean> urlStartsWith(String prefix) {
        return current -> current.getCurrentUrl().startsWith(prefix);
    }

    /** A claim's value as the profile page shows it. */
    private String claim(String name) {
        return browser().findElement(By.cssSelector("tr[data-claim='" + name + "'] td")).getText();
    }

    /** {@code /api/me} as the browser() shows it: Chromium wraps a JSON document in a {@code <pre>}. */
    private JsonNode apiMe() throws IOException {
        browser().get(url("api/me"));
        return JSON.readTree(browser().findElement(By.tagName("pre")).getText());
    }

    private static String url(String path) {
        return app.baseUri().resolve(path).toString();
    }
}
