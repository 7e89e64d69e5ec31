package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.locker.service.support.ServiceTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the browser tests ({@link ServiceTestBase}: the whole service on its own embedded Oak) with the demo school
 * and a clock the tests set, driven through Debian's headless Chromium and its chromedriver (never a downloaded browser). Skipped when
 * those are not installed. Screenshots go to target/screenshots/.
 */
abstract class BrowserTestBase extends ServiceTestBase {

    /** Debian's paths; -Dlocker.chromium=... and -Dlocker.chromedriver=... point elsewhere. */
    static final Path CHROMIUM = Path.of(System.getProperty("locker.chromium", "/usr/bin/chromium"));

    static final Path CHROMEDRIVER = Path.of(System.getProperty("locker.chromedriver", "/usr/bin/chromedriver"));
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Tuesday 24 November 2026, 10:00 in Paris: inside the default discussion hours. */
    static final Instant TUESDAY_TEN =
            ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, PARIS).toInstant();

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static WebDriver driver;
    private static ChromeDriverService service;
    private static Path profile;

    @DynamicPropertySource
    static void browserSchool(DynamicPropertyRegistry registry) {
        registry.add("locker.demo.enabled", () -> "true");
        registry.add("locker.lockers.reconcile-interval", () -> "1h");
    }

    static final String NO_BROWSER = "browser tests skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
            + " (install them with: apt-get install chromium chromium-driver)";

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            // each test is then reported as skipped with this message (see requireBrowser)
            System.err.println(NO_BROWSER);
            return;
        }
        profile = Files.createTempDirectory("locker-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=en-US",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "intl.accept_languages",
                        "en-US,en",
                        "download.default_directory",
                        Files.createTempDirectory("locker-downloads").toString(),
                        "download.prompt_for_download",
                        false));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (service != null) {
            service.stop();
        }
    }

    @BeforeEach
    void requireBrowserAndResetClock() {
        Assumptions.assumeTrue(driver != null, NO_BROWSER);
        clock.set(TUESDAY_TEN);
    }

    // ------------------------------------------------------------------ navigation

    String base() {
        return "http://localhost:" + port;
    }

    void signIn(String user) {
        driver.manage().deleteAllCookies();
        driver.get(base() + "/login");
        if (!driver.getCurrentUrl().contains("/login")) {
            driver.manage().deleteAllCookies();
            driver.get(base() + "/login");
        }
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('locker.lang', 'en')");
        waitFor(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait(Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("/app/"));
        waitReady(null);
    }

    /** Opens a screen of the app and waits until it is drawn. */
    void open(String path) {
        String url = base() + "/app/index.html#/" + path;
        if (driver.getCurrentUrl().equals(url)) {
            driver.navigate().refresh();
        } else {
            ((JavascriptExecutor) driver).executeScript("if (document.body) document.body.dataset.ready = ''");
            driver.get(url);
        }
        waitReady(path);
    }

    void waitReady(String path) {
        wait(Duration.ofSeconds(15)).until(d -> {
            Object ready = ((JavascriptExecutor) d).executeScript("return document.body.dataset.ready");
            return ready != null && !ready.toString().isEmpty() && (path == null || ready.equals(path));
        });
    }

    WebElement waitFor(By by) {
        return wait(Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** A wait that also rides over elements replaced while a screen redraws. */
    WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    String heading() {
        return driver.findElement(By.cssSelector("main h1")).getText();
    }

    /** In the deposit wizard: opens the picker of {@code category}, ticks {@code selector} and validates. */
    void chooseRecipient(String category, String selector) {
        driver.findElement(By.cssSelector("button.category[data-category=" + category + "]"))
                .click();
        WebElement dialog = waitFor(By.cssSelector("dialog.picker[data-category=" + category + "]"));
        wait(Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("dialog.picker input[value='" + selector + "']")))
                .click();
        dialog.findElement(By.cssSelector("button.primary")).click();
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog")));
    }

    void setValue(WebElement input, String value) {
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                        input,
                        value);
    }

    static String localInput(Instant instant) {
        return LocalDateTime.ofInstant(instant, PARIS).format(LOCAL_INPUT);
    }

    // ------------------------------------------------------------------ evidence

    /** Saves the whole page (the window grows to the page's height for the shot). */
    void screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) ((JavascriptExecutor) driver)
                        .executeScript("return Math.min(4000, document.documentElement.scrollHeight)"))
                .longValue();
        try {
            if (height > before.getHeight()) {
                driver.manage().window().setSize(new Dimension(before.getWidth(), (int) height));
            }
            Path shot =
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Saves what the window shows (1280x1000): the screenshots kept in docs/ stay small. */
    void windowScreenshot(String name) {
        try {
            Path shot =
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void phoneWidth(Runnable action) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            action.run();
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /**
     * Runs axe-core on the page and returns its serious and critical violations, and any skipped heading level
     * ('heading-order', moderate for axe, but it breaks the outline screen-reader users navigate by), empty when
     * none.
     */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(' | '))));
                """);
        return (List<String>) result;
    }

    void assertAccessible(String screen) {
        assertThat(seriousAccessibilityViolations()).as("axe-core on " + screen).isEmpty();
    }

    private static String axeSource;

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (InputStream in = BrowserTestBase.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    // ------------------------------------------------------------------ API side (Basic, no session)

    HttpResponse<String> api(String method, String path, String user) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base() + path))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString(
                                                                    (user + ":demo").getBytes(StandardCharsets.UTF_8)))
                                    .method(method, HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A small PDF in a temporary file, for the file input. */
    static File pdfFile(String name, String text) {
        try {
            Path dir = Files.createTempDirectory("locker-upload");
            Path file = dir.resolve(name);
            Files.writeString(
                    file, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n% " + text + "\n%%EOF\n");
            return file.toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
