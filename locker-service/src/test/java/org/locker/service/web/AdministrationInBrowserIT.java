package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The administrator bars a student from starting discussions by picking them from the directory (no identifier to
 * type), and finds the change in the audit trail as a sentence, people by name; follows an import's progress, through
 * a service that does not answer for a while.
 */
@Import(AdministrationInBrowserIT.Unreachable.class)
class AdministrationInBrowserIT extends BrowserTestBase {

    /** Import job polls to answer 503, as a proxy does while the service behind it restarts. */
    static final AtomicInteger UNREACHABLE_POLLS = new AtomicInteger();

    static final AtomicInteger UNREACHABLE_ANSWERED = new AtomicInteger();

    @TestConfiguration(proxyBeanMethods = false)
    static class Unreachable {
        @Bean
        FilterRegistrationBean<Filter> unreachableJobPolls() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                HttpServletRequest http = (HttpServletRequest) request;
                if (http.getMethod().equals("GET")
                        && http.getRequestURI().startsWith("/api/v1/directory/imports/")
                        && UNREACHABLE_POLLS.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
                    UNREACHABLE_ANSWERED.incrementAndGet();
                    ((HttpServletResponse) response).sendError(503);
                    return;
                }
                chain.doFilter(request, response);
            });
            registration.setOrder(Integer.MIN_VALUE);
            return registration;
        }
    }

    @Test
    void shouldPickAStudentFromTheDirectoryAndFindTheChangeInTheAuditTrail() {
        String saved = api().get("/api/v1/discussions/settings", "principal").body();
        try {
            signIn("principal");
            open("admin/discussions");
            driver.findElement(By.cssSelector("#initiation-blocked input[name=studentSearch]"))
                    .sendKeys("emma");
            waitFor(By.xpath("//ul[@id='ban-results']//button[normalize-space()='Add Emma Martin (6A)']"))
                    .click();
            waitFor(By.xpath("//ul[@id='ban-list']/li[contains(., 'Emma Martin (6A)')]"));
            assertThat(driver.findElement(By.id("ban-list")).getText()).doesNotContain("e.emma.martin");
            driver.findElement(By.cssSelector("#discussion-settings-form button[type=submit]"))
                    .click();
            waitFor(By.cssSelector("#discussion-settings-form .success"));
            assertAccessible("admin-discussions-ban-list");
            screenshot("principal-ban-list");

            assertThat(api().get("/api/v1/discussions/settings", "principal")
                            .json()
                            .get("initiationBlocked"))
                    .asList()
                    .contains("e.emma.martin");

            open("admin/audit");
            new Select(driver.findElement(By.cssSelector("#audit-filters select[name=action]")))
                    .selectByValue("DISCUSSION_SETTINGS_CHANGED");
            new Select(driver.findElement(By.cssSelector("#audit-filters select[name=actor]")))
                    .selectByVisibleText("Claire Fontaine");
            driver.findElement(By.cssSelector("#audit-filters button[type=submit]"))
                    .click();
            waitFor(By.xpath("//div[@id='audit-table']//tr[contains(., 'Claire Fontaine changed the discussion"
                    + " settings')][contains(., 'Students barred from starting discussions: Emma Martin (6A)')]"));
            assertThat(driver.findElement(By.id("audit-table")).getText())
                    .doesNotContain("e.emma.martin")
                    .doesNotContain("DISCUSSION_SETTINGS_CHANGED");
            assertAccessible("admin-audit-filtered");
            screenshot("principal-audit-filtered");
        } finally {
            api().request(
                            "PUT",
                            "/api/v1/discussions/settings",
                            "principal",
                            "application/json",
                            saved.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldShowTheProgressOfAnImportInPersonsThenItsReport() throws Exception {
        Path demo = demoSchoolFile();
        signIn("principal");
        open("admin/import");
        driver.findElement(By.cssSelector("#import-form input[type=file]")).sendKeys(demo.toString());
        driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();

        wait(Duration.ofSeconds(60))
                .until(d -> d.findElement(By.id("import-report")).getText().contains("File checked, nothing applied"));
        WebElement said = driver.findElement(By.id("import-progress-text"));
        assertThat(said.getText()).isEqualTo("121 of 121 persons");
        assertThat(said.getAttribute("aria-live")).isEqualTo("polite");
        WebElement bar = driver.findElement(By.id("import-progress"));
        assertThat(bar.getAttribute("value")).isEqualTo("121");
        assertThat(bar.getAttribute("max")).isEqualTo("121");
        assertThat(bar.getAttribute("aria-labelledby")).isEqualTo("import-progress-text");
        assertThat(driver.findElement(By.id("import-report")).getText())
                .contains("Persons")
                .contains("121");
        wait(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("import-recent")).getText().contains("Claire Fontaine"));
        assertThat(driver.findElement(By.cssSelector("#import-recent tbody tr")).getText())
                .as("the newest job first, its sender by name, what it found")
                .contains("Claire Fontaine")
                .contains("Check only")
                .contains("Done")
                .contains("121 persons: 0 created, 0 updated");
        assertAccessible("admin-import-progress");
        screenshot("principal-import-progress");
    }

    @Test
    void shouldFollowAnImportThroughAServiceThatDoesNotAnswerForAWhile() throws Exception {
        Path demo = demoSchoolFile();
        signIn("principal");
        open("admin/import");
        UNREACHABLE_ANSWERED.set(0);
        UNREACHABLE_POLLS.set(4);
        try {
            driver.findElement(By.cssSelector("#import-form input[type=file]")).sendKeys(demo.toString());
            driver.findElement(By.cssSelector("#import-form button[type=submit]"))
                    .click();

            wait(Duration.ofSeconds(60))
                    .until(d ->
                            d.findElement(By.id("import-report")).getText().contains("File checked, nothing applied"));
            assertThat(UNREACHABLE_ANSWERED).as("polls answered 503").hasValue(4);
            assertThat(driver.findElement(By.id("import-progress-text")).getText())
                    .isEqualTo("121 of 121 persons");
            assertThat(driver.findElements(By.cssSelector("#import-report .error")))
                    .isEmpty();
        } finally {
            UNREACHABLE_POLLS.set(0);
        }
    }

    /** The demo school's directory file, where the browser picks files from. */
    private Path demoSchoolFile() throws Exception {
        Path demo = Files.createTempFile("demo-school", ".csv");
        try (var in = getClass().getResourceAsStream("/org/locker/core/directory/demo-school.csv")) {
            Files.copy(in, demo, StandardCopyOption.REPLACE_EXISTING);
        }
        return demo;
    }
}
