package org.chuangwen;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser tests drive Debian's chromium headless through Debian's chromedriver; nothing is downloaded and Selenium
 * Manager is never asked (the driver and browser paths are given explicitly). Each browser gets a fresh profile
 * directory, removed when it quits. Install with {@code apt-get install -y chromium chromium-driver fonts-noto-cjk}.
 * Paths can be changed with {@code -Dchuangwen.chromium=…} and {@code -Dwebdriver.chrome.driver=…}.
 */
public final class BrowserTestSupport implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final WebDriver driver;

	private final Path profile;

	private final String baseUrl;

	private BrowserTestSupport(WebDriver driver, Path profile, String baseUrl) {
		this.driver = driver;
		this.profile = profile;
		this.baseUrl = baseUrl;
	}

	/** A headless chromium against the application on this port. */
	public static BrowserTestSupport chromium(int port) {
		String chromium = System.getProperty("chuangwen.chromium", "/usr/bin/chromium");
		String chromedriver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
		if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
			throw new IllegalStateException("Browser tests need " + chromium + " and " + chromedriver
					+ ": apt-get install -y chromium chromium-driver fonts-noto-cjk");
		}
		System.setProperty("webdriver.chrome.driver", chromedriver);
		Path profile;
		try {
			profile = Files.createTempDirectory("chuangwen-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1000", "--lang=zh-CN", "--user-data-dir=" + profile);
		// headless chromium asks for en-US whatever --lang says; the product's default language is Simplified Chinese
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return new BrowserTestSupport(driver, profile, "http://localhost:" + port);
	}

	public WebDriver driver() {
		return driver;
	}

	public void open(String path) {
		driver.get(baseUrl + path);
	}

	/** Signs in through the real login form, in Simplified Chinese, and waits for the home page. */
	public void signIn(String username, String password) {
		open("/login?lang=zh_CN");
		visible(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		wait(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	public WebElement visible(By locator) {
		return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/**
	 * Waits for the element, scrolls it to the middle of the window at once and clicks it. Bootstrap makes scrolling
	 * smooth, so a click right after an animated scroll (or Selenium's own) can land on whatever is passing under the
	 * old position.
	 */
	public void click(By locator) {
		WebElement element = visible(locator);
		((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		wait(ExpectedConditions.elementToBeClickable(element)).click();
	}

	public <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
		return new WebDriverWait(driver, WAIT).until(condition);
	}

	/** Waits until an element shows the text. */
	public void waitForText(By locator, String text) {
		wait(ExpectedConditions.textToBePresentInElementLocated(locator, text));
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
			catch (IOException ex) {
				// a leftover temporary profile is harmless
			}
		}
	}
}
