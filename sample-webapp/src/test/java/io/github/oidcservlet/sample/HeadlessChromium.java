package io.github.oidcservlet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A fresh headless Chromium with a profile of its own, driven through WebDriver. Chromium and its driver are
 * Debian's ({@code apt-get install chromium chromium-driver}); without them a test fails rather than skips. Both
 * paths are given, so Selenium Manager never runs and nothing is downloaded.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("sample.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(15);
    /**
     * Held so that its level stays. It warns at every start that no selenium-devtools matches the browser: none is
     * on the classpath on purpose, as the tests drive Chromium through WebDriver only.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final Path profileDirectory;
    private final WebDriver driver;

    private HeadlessChromium(Path profileDirectory, WebDriver driver) {
        this.profileDirectory = profileDirectory;
        this.driver = driver;
    }

    /** Checks that Chromium and its driver are installed. */
    static void assertInstalled() {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
        assertThat(CHROMIUM).as("Chromium (apt-get install -y chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("ChromeDriver (apt-get install -y chromium chromium-driver)").isExecutable();
    }

    static HeadlessChromium open() throws IOException {
        Path profile = Files.createTempDirectory("sample-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        return new HeadlessChromium(profile, driver);
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> paths = Files.walk(profileDirectory)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** A fresh Chromium for every test of a class: {@code @RegisterExtension final PerTest chromium = new PerTest();}. */
    static final class PerTest implements BeforeEachCallback, AfterEachCallback {

        private HeadlessChromium current;

        @Override
        public void beforeEach(ExtensionContext context) throws IOException {
            current = open();
        }

        @Override
        public void afterEach(ExtensionContext context) throws IOException {
            if (current != null) {
                current.close();
                current = null;
            }
        }

        /** The running test's browser. */
        WebDriver driver() {
            return current.driver();
        }
    }
}
