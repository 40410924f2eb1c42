package io.github.oidcservlet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The filter sample started with two providers, as {@code OIDC_PROVIDERS=one,two} and no issuer starts it: the demo
 * provider serves both registrations (issuers {@code /one} and {@code /two}). In a real headless Chromium: the
 * chooser, {@code ?provider=}, and a full login through each provider, each through its own callback
 * {@code /oidc/callback/<name>}.
 */
class TwoProvidersBrowserTest {

    private static SampleApp app;
    private static DemoProvider demo;

    @RegisterExtension
    final HeadlessChromium.PerTest chromium = new HeadlessChromium.PerTest();

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assertInstalled();
        app = SampleApp.start(0, Map.of("OIDC_PROVIDERS", "one,two"), new Properties());
        demo = app.demoProvider().orElseThrow();
        assertThat(demo.issuerIds()).containsExactly("one", "two");
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
    void withoutAChoiceTheChooserShowsBothAndEachLogsInThroughItsOwnCallback() {
        for (String name : new String[] {"one", "two"}) {
            browser().manage().deleteAllCookies();
            browser().get(url("profile"));
            assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Log in");
            assertThat(browser().findElements(By.cssSelector("ul.providers a"))).extracting(e -> e.getText())
                    .containsExactly("Log in with one", "Log in with two");

            browser().findElement(By.linkText("Log in with " + name)).click();
            logInOnTheProviderPage(name, "user-of-" + name);

            waitFor(url("profile"));
            assertThat(claim("iss")).isEqualTo(demo.issuer(name).toString());
            assertThat(claim("sub")).isEqualTo("user-of-" + name);
        }
    }

    @Test
    void providerInTheQueryGoesStraightToThatProvider() {
        browser().get(url("profile?provider=two"));
        logInOnTheProviderPage("two", "admin");

        waitFor(url("profile?provider=two"));
        assertThat(claim("iss")).isEqualTo(demo.issuer("two").toString());
        browser().get(url("admin"));
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Admin");
    }

    /** At the provider {@code name}'s login form: its redirect URI is that registration's; log in as the user. */
    private void logInOnTheProviderPage(String name, String userName) {
        new WebDriverWait(browser(), HeadlessChromium.WAIT)
                .withMessage(() -> "expected the login page of " + name + ", at " + browser().getCurrentUrl())
                .until(current -> current.getCurrentUrl().startsWith(demo.issuer(name) + "/authorize"));
        assertThat(query(browser().getCurrentUrl())).contains("redirect_uri=" + url("oidc/callback/" + name) + "&");
        browser().findElement(By.name("username")).sendKeys(userName);
        browser().findElement(By.cssSelector("input[type=submit]")).click();
    }

    private void waitFor(String url) {
        new WebDriverWait(browser(), HeadlessChromium.WAIT)
                .withMessage(() -> "expected " + url + ", at " + browser().getCurrentUrl() + ":\n"
                        + browser().getPageSource())
                .until(current -> url.equals(current.getCurrentUrl()));
    }

    private static String query(String url) {
        return URLDecoder.decode(URI.create(url).getRawQuery(), StandardCharsets.UTF_8) + "&";
    }

    /** A claim's value as the profile page shows it. */
    private String claim(String name) {
        return browser().findElement(By.cssSelector("tr[data-claim='" + name + "'] td")).getText();
    }

    private static String url(String path) {
        return app.baseUri().resolve(path).toString();
    }
}
