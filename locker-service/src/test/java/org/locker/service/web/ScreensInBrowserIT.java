package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Every main screen of every profile: reachable from its menu, drawn, accessible (axe-core), photographed. */
class ScreensInBrowserIT extends BrowserTestBase {

    private static final Map<String, List<String>> SCREENS = Map.of(
            "t.girard", List.of("locker", "deposit", "distributions", "mydocuments", "discussions", "preferences"),
            // a guardian's "deposit" depends on the establishment's setting (GuardianWindowIT, DepositInBrowserIT)
            "r.sophie.martin", List.of("locker", "distributions", "discussions", "broadcasts", "preferences"),
            "principal", List.of("admin/discussions", "admin/lockers", "admin/import", "admin/audit"),
            "e.emma.martin", List.of("discussions"));

    @Test
    void shouldShowTheSignInPageAccessibly() {
        driver.manage().deleteAllCookies();
        driver.get(base() + "/");
        waitFor(By.id("username"));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        screenshot("login");
        assertAccessible("sign-in page");
    }

    @Test
    void shouldReachEveryMainScreenFromTheMenuOfItsProfile() {
        for (var profile : SCREENS.entrySet()) {
            signIn(profile.getKey());
            List<String> menu = driver.findElements(By.cssSelector("#nav-list a")).stream()
                    .map(a -> a.getAttribute("href").replaceAll(".*#/", ""))
                    .toList();
            assertThat(menu).as("menu of " + profile.getKey()).containsAll(profile.getValue());
            for (String screen : profile.getValue()) {
                WebElement link = driver.findElement(By.cssSelector("#nav-list a[href='#/" + screen + "']"));
                link.click();
                waitReady(screen);
                screenshot(profile.getKey().replace('.', '-') + "-" + screen.replace('/', '-'));
                assertThat(driver.findElement(By.id("main")).getText())
                        .as("no missing value shown on " + screen)
                        .doesNotContainPattern("\\b(null|undefined|NaN)\\b");
                assertThat(driver.findElements(By.cssSelector("main .error[role=alert]:not(:empty)")).stream()
                                .map(WebElement::getText)
                                .toList())
                        .as(screen + " for " + profile.getKey())
                        .isEmpty();
                assertAccessible(screen + " as " + profile.getKey());
            }
        }
    }

    @Test
    void shouldCheckADirectoryFileAndListItsProblemsWithoutApplyingIt() throws Exception {
        String header = "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of,password\n";
        Path bad = Files.createTempFile("directory", ".csv");
        Files.writeString(bad, header + "person,x.bad,,wizard,Ada,Bad,,,,,\n");
        signIn("principal");
        open("admin/import");
        assertThat(driver.findElement(By.cssSelector("#import-form input[type=checkbox]"))
                        .isSelected())
                .as("check only, by default")
                .isTrue();
        driver.findElement(By.cssSelector("#import-form input[type=file]")).sendKeys(bad.toString());
        driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        WebElement problems = waitFor(By.cssSelector("#import-report table"));
        assertThat(problems.getText()).contains("Problems in the file").contains("2");
        screenshot("principal-import-problems");
        assertAccessible("import problems");

        Path demo = Files.createTempFile("demo-school", ".csv");
        try (var in = getClass().getResourceAsStream("/org/locker/core/directory/demo-school.csv")) {
            Files.copy(in, demo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        driver.findElement(By.cssSelector("#import-form input[type=file]")).sendKeys(demo.toString());
        driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        wait(java.time.Duration.ofSeconds(15))
                .until(d -> d.findElement(By.id("import-report")).getText().contains("File checked, nothing applied"));
        assertThat(driver.findElement(By.id("import-report")).getText()).contains("Persons");
    }

    @Test
    void shouldAnswerASurveyAndShowItsResultsToTheDelegate() {
        // the administrator turns on messaging between guardians
        signIn("principal");
        open("admin/discussions");
        WebElement messaging = driver.findElement(By.xpath("//form[@id='discussion-settings-form']"
                + "//div[contains(@class,'check')][.//label[normalize-space()='Turn on messaging between guardians']]"
                + "//input"));
        if (!messaging.isSelected()) {
            messaging.click();
        }
        driver.findElement(By.cssSelector("#discussion-settings-form button[type=submit]"))
                .click();
        waitFor(By.cssSelector("#discussion-settings-form .success"));

        // the delegate and a guardian of 6A turn on communication between guardians
        signIn("r.stephane.martin");
        open("preferences");
        WebElement box = driver.findElement(By.cssSelector("#preferences-form input[type=checkbox]"));
        if (!box.isSelected()) {
            box.click();
        }
        driver.findElement(By.cssSelector("#preferences-form button[type=submit]"))
                .click();
        waitFor(By.cssSelector("#preferences-form .success"));

        signIn("r.sophie.martin");
        open("preferences");
        WebElement mine = driver.findElement(By.cssSelector("#preferences-form input[type=checkbox]"));
        if (!mine.isSelected()) {
            mine.click();
        }
        driver.findElement(By.cssSelector("#preferences-form button[type=submit]"))
                .click();
        waitFor(By.cssSelector("#preferences-form .success"));
        open("broadcasts");
        new org.openqa.selenium.support.ui.Select(
                        driver.findElement(By.cssSelector("#broadcast-form select[name=kind]")))
                .selectByValue("SURVEY");
        driver.findElement(By.cssSelector("#broadcast-form textarea[name=text]"))
                .sendKeys("Class photo on Friday?");
        driver.findElement(By.cssSelector("#broadcast-form textarea[name=options]"))
                .sendKeys("Yes\nNo");
        driver.findElement(By.cssSelector("#broadcast-form button[type=submit]"))
                .click();
        screenshot("delegate-broadcast-sent");
        waitFor(By.xpath("//article[contains(@class,'broadcast')][contains(., 'Class photo on Friday?')]"));

        signIn("r.stephane.martin");
        open("broadcasts");
        WebElement survey = waitFor(
                By.xpath("//article[contains(@class,'broadcast')][contains(., " + "'Class photo on Friday?')]"));
        survey.findElement(By.xpath(".//label[normalize-space()='Yes']")).click();
        survey.findElement(By.cssSelector("form.answer button[type=submit]")).click();
        waitFor(By.xpath("//article[contains(@class,'broadcast')][contains(., 'Your answer: Yes')]"));
        screenshot("guardian-broadcasts");
        assertAccessible("broadcasts");

        signIn("r.sophie.martin");
        open("broadcasts");
        WebElement results = waitFor(
                By.xpath("//article[contains(@class,'broadcast')][contains(., " + "'Class photo on Friday?')]"));
        assertThat(results.getText())
                .contains("Results (1 answers)")
                .contains("Yes: 1")
                .contains("No: 0");
        screenshot("delegate-survey-results");
    }
}
