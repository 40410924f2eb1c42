package io.github.oidcservlet.sample.jakartaee;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The executable jar as a user runs it, with no provider configured: it starts its demo provider, and a real
 * headless Chromium logs in on the provider's page, reaches the admin page, logs out; then SIGTERM stops it.
 */
class JakartaSampleBrowserIT {

    static final Path CHROMIUM = Path.of(System.getProperty("sample.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    private static final Pattern PROVIDER = Pattern.compile("Demo OpenID Provider at (\\S+) ");
    static final Duration WAIT = Duration.ofSeconds(20);
    /** Held so that its level stays: it warns that no selenium-devtools matches, on purpose. */
    static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    @Test
    void anAdminLogsInOnTheDemoProvidersPageReachesTheAdminPageAndLogsOut() throws Exception {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
        assertThat(CHROMIUM).as("Chromium (apt-get install -y chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("ChromeDriver (apt-get install -y chromium chromium-driver)").isExecutable();
        Path profile = Files.createTempDirectory("jakarta-sample-chromium-");
        WebDriver browser = null;
        try (SampleJar jar = SampleJar.start(Map.of())) {
            String authorize = jar.await(PROVIDER).group(1) + "/authorize";
            String app = jar.baseUri().toString();
            browser = chromium(profile);

            browser.get(app + "admin");
            assertThat(browser.getCurrentUrl()).startsWith(authorize);
            browser.findElement(By.name("username")).sendKeys("admin");
            browser.findElement(By.cssSelector("input[type=submit]")).click();
            waitFor(browser, app + "admin");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Admin");
            assertThat(browser.getPageSource()).contains("<strong>admin</strong>").doesNotContain("disagree");

            browser.findElement(By.linkText("Log out")).click();
            new WebDriverWait(browser, WAIT).until(current -> current.getCurrentUrl().startsWith(app));
            browser.get(app + "profile");
            assertThat(browser.getCurrentUrl()).as("logged out: back to the provider").startsWith(authorize);

            assertThat(jar.terminate()).as("exit status after SIGTERM").isEqualTo(128 + 15);
            assertThat(jar.output()).contains("oidc-servlet Jakarta EE sample stopped.");
        } finally {
            if (browser != null) {
                browser.quit();
            }
            deleteRecursively(profile);
        }
    }

    /** A headless Chromium with its profile in {@code profile}. */
    static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        WebDriver browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
        return browser;
    }

    static void waitFor(WebDriver browser, String url) {
        new WebDriverWait(browser, WAIT)
                .withMessage(() -> "expected " + url + ", at " + browser.getCurrentUrl() + ":\n"
                        + browser.getPageSource())
                .until(current -> url.equals(current.getCurrentUrl()));
    }

    static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
