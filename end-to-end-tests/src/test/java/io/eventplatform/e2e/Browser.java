package io.eventplatform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Debian's Chromium, headless, driven through its own chromedriver (never a download: Selenium Manager is not asked).
 * Where Chromium is not installed the browser tests are skipped with the install hint, unless
 * {@code -Dbrowser.required=true} (CI) makes that a failure. Every screenshot goes to
 * {@code end-to-end-tests/target/screenshots/<name>.png}.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

	private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

	final WebDriver driver;

	private Browser(WebDriver driver) {
		this.driver = driver;
	}

	/** A fresh browser: no cookies, so no session at the gateway or the console. */
	static Browser open() {
		Optional<String> browser = firstExecutable(BROWSERS);
		Optional<String> chromedriver = firstExecutable(DRIVERS);
		if (browser.isEmpty() || chromedriver.isEmpty()) {
			String missing = "Chromium or its driver is not installed: apt-get install -y chromium chromium-driver";
			if (Boolean.getBoolean("browser.required")) {
				fail(missing + " (browser.required=true)");
			}
			abort(missing);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser.get());
		// --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1400,1000", "--lang=en-GB");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(chromedriver.get()).toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver);
	}

	void get(String url) {
		driver.get(url);
	}

	/** The gateway's login page, as a person fills it in. */
	void signIn(String username, String password) {
		waitUntil(() -> !driver.findElements(By.name("username")).isEmpty());
		driver.findElement(By.name("username")).sendKeys(username);
		driver.findElement(By.name("password")).sendKeys(password);
		driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
	}

	WebElement find(String cssSelector) {
		waitUntil(() -> !driver.findElements(By.cssSelector(cssSelector)).isEmpty());
		return driver.findElement(By.cssSelector(cssSelector));
	}

	List<WebElement> findAll(String cssSelector) {
		return driver.findElements(By.cssSelector(cssSelector));
	}

	boolean has(String cssSelector) {
		return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
	}

	String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	void waitUntil(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(driver, Duration.ofSeconds(30)).until(ignored -> condition.getAsBoolean());
	}

	/** Saves what the page shows now. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

	private static Optional<String> firstExecutable(List<String> candidates) {
		return Stream.of(candidates.toArray(String[]::new)).filter(path -> Files.isExecutable(Path.of(path))).findFirst();
	}

}
