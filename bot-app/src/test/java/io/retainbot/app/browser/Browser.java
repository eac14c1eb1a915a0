package io.retainbot.app.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for tests, driven through Debian's chromedriver: open a page, find, wait,
 * take screenshots under {@code target/screenshots}, and read the browser console so a test can fail
 * on a script error or a resource that did not load.
 *
 * <p>{@link #open} decides whether browser tests run: with Chromium installed they always do; without
 * it, under {@code CI=true} the test fails, elsewhere it is skipped with one loud line saying how to
 * install Chromium.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final AtomicBoolean SKIP_ANNOUNCED = new AtomicBoolean();

    /** Window sizes a customer really has. */
    public enum Screen {
        DESKTOP(1280, 860),
        PHONE(390, 844);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a fresh headless English Chromium (own profile, no cookies) with a window of {@code screen}'s size. */
    public static Browser open(Screen screen) {
        return open(screen, "en-US");
    }

    /**
     * Starts a fresh headless Chromium whose user prefers {@code language} (a BCP 47 tag such as
     * {@code ko-KR}; the browser sends it in Accept-Language and shows it in navigator.languages).
     */
    public static Browser open(Screen screen, String language) {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("retainbot-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=" + language,
                "--window-size=" + screen.width + "," + screen.height);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(screen.width, screen.height));
        return new Browser(driver, profile);
    }

    /** What a browser test does on this machine. */
    enum Decision { RUN, FAIL, SKIP }

    /** Run when the browser is installed; without it, fail on CI ({@code CI=true}) and skip elsewhere. */
    static Decision decide(boolean installed, String ci) {
        if (installed) {
            return Decision.RUN;
        }
        return "true".equalsIgnoreCase(ci) ? Decision.FAIL : Decision.SKIP;
    }

    /** Chromium and chromedriver are there, or the test fails (CI) or is skipped (a developer's machine). */
    public static void requireInstalled() {
        Decision decision = decide(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), System.getenv("CI"));
        if (decision == Decision.RUN) {
            return;
        }
        String install = "apt-get install chromium chromium-driver";
        if (decision == Decision.FAIL) {
            Assertions.fail("CI=true but no browser: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " are needed for the browser tests; install them with " + install);
        }
        if (SKIP_ANNOUNCED.compareAndSet(false, true)) {
            System.err.println("!!!!! BROWSER TESTS SKIPPED: no Chromium at " + CHROMIUM + " / " + CHROMEDRIVER
                    + "; install it with: sudo " + install + " !!!!!");
        }
        Assumptions.abort("no Chromium; install it with " + install);
    }

    /** The browser's clocks in {@code zone} (an IANA name), as a visitor's in that zone; call before opening a page. */
    public Browser inTimeZone(String zone) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", zone));
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String url) {
        driver.get(url);
    }

    public void reload() {
        driver.navigate().refresh();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Waits until {@code condition} gives something other than null or false, and returns it. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100)).withMessage(what).until(condition);
        } catch (org.openqa.selenium.TimeoutException timeout) {
            throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what, timeout);
        }
    }

    /** Runs a script in the page and returns its result. */
    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Saves a PNG of the window as {@code target/screenshots/<name>.png}; returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.move(taken, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page logged to the console since the last call, severe entries (errors) only. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Fails when the page logged an error (a script failure, a resource that answered 4xx or 5xx). */
    public void assertNoConsoleErrors() {
        List<String> errors = consoleErrors();
        if (!errors.isEmpty()) {
            throw new AssertionError("the browser console has errors:\n  " + String.join("\n  ", errors));
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
