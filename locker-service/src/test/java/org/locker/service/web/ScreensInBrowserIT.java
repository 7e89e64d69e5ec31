package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.TestPdfs;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Every main screen of every profile: reachable from its menu, drawn, accessible (axe-core), photographed in English
 * and in French (target/screenshots/&lt;profile&gt;-&lt;screen&gt;-en.png and -fr.png, copied to docs/screenshots/).
 */
class ScreensInBrowserIT extends BrowserTestBase {

    /**
     * Each profile's main screens, in menu order; a screen under a menu item (the distributions' two views) is
     * reached from that item, then from its tab.
     */
    private static final Map<String, List<String>> SCREENS = new LinkedHashMap<>();

    static {
        SCREENS.put(
                "t.girard",
                List.of(
                        "locker",
                        "deposit",
                        "distributions/personnel",
                        "distributions/guardians",
                        "mydocuments",
                        "discussions",
                        "preferences"));
        // a guardian's "deposit" depends on the establishment's setting (GuardianWindowIT, DepositInBrowserIT)
        SCREENS.put(
                "r.sophie.martin",
                List.of(
                        "locker",
                        "distributions/personnel",
                        "distributions/guardians",
                        "discussions",
                        "broadcasts",
                        "preferences"));
        SCREENS.put("principal", List.of("admin/discussions", "admin/lockers", "admin/import", "admin/audit"));
        SCREENS.put("e.emma.martin", List.of("discussions", "preferences"));
    }

    /** The word for each account in the screenshots' names (docs/ui.md links them). */
    private static final Map<String, String> PROFILE = Map.of(
            "t.girard", "teacher", "r.sophie.martin", "guardian", "principal", "principal", "e.emma.martin", "student");

    private static final List<String> LANGUAGES = List.of("en", "fr");

    @Test
    void shouldShowTheSignInPageAccessibly() {
        driver.manage().deleteAllCookies();
        driver.get(base() + "/");
        waitFor(By.id("username"));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        for (String language : LANGUAGES) {
            new Select(driver.findElement(By.id("lang"))).selectByValue(language);
            wait(Duration.ofSeconds(10))
                    .until(d ->
                            language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            windowScreenshot("login-" + language);
            assertAccessible("sign-in page in " + language);
        }
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('locker.lang', 'en')");
    }

    /**
     * One sign-in per profile; every screen in English then in French (switched with the banner's select, as a
     * person does), each photographed and checked by axe-core, with the dialogs that matter on their screen.
     */
    @Test
    void shouldReachEveryMainScreenFromTheMenuOfItsProfileInBothLanguages() {
        // something on the screens: a document for the teacher (a PDF to preview), one from the teacher to the
        // guardians of 6A, a discussion between them
        String forTheTeacher =
                deposit("p.benali", "CIRCULAR", "user:t.girard", "conseil-de-classe-6A.pdf", "Conseil de classe 6A");
        deposit(
                "t.girard",
                "FORM",
                "guardians:6A&publishFrom=" + TUESDAY_TEN.minus(Duration.ofHours(1)) + "&publishTo="
                        + TUESDAY_TEN.plus(Duration.ofDays(7)),
                "sortie-musee.pdf",
                "Sortie au musée jeudi");
        Response discussion = api().post(
                        "/api/v1/discussions",
                        "t.girard",
                        "application/json",
                        "{\"subject\":\"Museum outing\",\"participants\":[\"r.sophie.martin\"],"
                                + "\"text\":\"Could you remind the families about Thursday?\"}");
        assertThat(discussion.status()).as(discussion.body()).isEqualTo(201);

        for (var profile : SCREENS.entrySet()) {
            String user = profile.getKey();
            signIn(user);
            List<String> menu = driver.findElements(By.cssSelector("#nav-list a")).stream()
                    .map(a -> a.getAttribute("href").replaceAll(".*#/", ""))
                    .toList();
            assertThat(menu)
                    .as("menu of " + user)
                    .containsAll(profile.getValue().stream()
                            .map(screen -> menuItemOf(screen, menu))
                            .toList());
            for (String language : LANGUAGES) {
                switchLanguage(language);
                for (String screen : profile.getValue()) {
                    show(screen, menu);
                    String name = PROFILE.get(user) + "-" + screen.replace('/', '-');
                    windowScreenshot(name + "-" + language);
                    assertThat(driver.findElement(By.id("main")).getText())
                            .as("no missing value shown on " + screen)
                            .doesNotContainPattern("\\b(null|undefined|NaN)\\b");
                    assertThat(driver.findElements(By.cssSelector("main .error[role=alert]:not(:empty)")).stream()
                                    .map(WebElement::getText)
                                    .toList())
                            .as(screen + " for " + user)
                            .isEmpty();
                    assertAccessible(screen + " as " + user + " in " + language);
                    if (user.equals("t.girard") && screen.equals("locker")) {
                        previewDialog(forTheTeacher, language);
                    }
                    if (user.equals("t.girard") && screen.equals("deposit")) {
                        recipientPicker(language);
                    }
                }
                if (user.equals("t.girard")) {
                    sessionEndedDialog(language, menu);
                }
            }
        }
    }

    private String deposit(String depositor, String type, String recipients, String fileName, String text) {
        Response deposit = api().postFile(
                        "/api/v1/lockers/deposits?documentType=" + type + "&recipients=" + recipients,
                        depositor,
                        "file",
                        fileName,
                        "application/pdf",
                        TestPdfs.twoPages(text));
        assertThat(deposit.status()).as(deposit.body()).isEqualTo(201);
        return String.valueOf(deposit.jsonList().get(0).get("id"));
    }

    /** The menu item a screen is reached from: itself, or the item it sits under (distributions/guardians). */
    private static String menuItemOf(String screen, List<String> menu) {
        return menu.contains(screen) ? screen : screen.substring(0, screen.lastIndexOf('/'));
    }

    /** From the menu, then from the screen's tab when it is a view under a menu item. */
    private void show(String screen, List<String> menu) {
        String item = menuItemOf(screen, menu);
        if (!item.equals(currentPath())) { // the link to the screen shown changes nothing
            forgetReady();
            driver.findElement(By.cssSelector("#nav-list a[href='#/" + item + "']"))
                    .click();
        }
        waitReady(item);
        if (!item.equals(screen)) {
            forgetReady();
            driver.findElement(By.cssSelector("main a[href='#/" + screen + "']"))
                    .click();
            waitReady(screen);
        }
        // the live region still shows the last screen's announcement for a few seconds: not this screen's
        ((JavascriptExecutor) driver).executeScript("document.getElementById('status').textContent = ''");
    }

    private String currentPath() {
        return (String) ((JavascriptExecutor) driver).executeScript("return location.hash.replace(/^#\\/?/, '')");
    }

    private void forgetReady() {
        ((JavascriptExecutor) driver).executeScript("document.body.dataset.ready = ''");
    }

    /** The banner's language select, as a person switches; the screen redraws in that language. */
    private void switchLanguage(String language) {
        if (language.equals(driver.findElement(By.tagName("html")).getAttribute("lang"))) {
            return;
        }
        String path = currentPath();
        forgetReady();
        new Select(driver.findElement(By.id("lang"))).selectByValue(language);
        waitReady(path);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
    }

    private void previewDialog(String document, String language) {
        WebElement card = waitFor(By.cssSelector("article.document[data-document='" + document + "']"));
        card.findElement(By.cssSelector("button[data-action=preview]")).click();
        WebElement dialog = waitFor(By.cssSelector("dialog.preview[open]"));
        wait(Duration.ofSeconds(30)).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("const img = document.querySelector('dialog.preview img[data-page=\"1\"]');"
                        + " return img !== null && img.complete && img.naturalWidth > 1000;"));
        windowScreenshot("teacher-preview-dialog-" + language);
        assertAccessible("preview dialog in " + language);
        dialog.sendKeys(Keys.ESCAPE);
        wait(Duration.ofSeconds(5))
                .until(d -> d.findElements(By.cssSelector("dialog.preview")).isEmpty());
    }

    private void recipientPicker(String language) {
        driver.findElement(By.cssSelector("button.category[data-category=guardian]"))
                .click();
        WebElement picker = waitFor(By.cssSelector("dialog.picker[data-category=guardian]"));
        waitFor(By.cssSelector("dialog.picker fieldset.class-group[data-class='6A']"));
        picker.findElement(By.id("picker-my-classes")).click();
        windowScreenshot("teacher-recipient-picker-" + language);
        assertAccessible("recipient picker in " + language);
        picker.findElement(By.xpath(".//div[contains(@class,'actions')]/button[2]"))
                .click();
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog")));
    }

    /** Signed out in another tab: the next screen asks for the password over the page, then goes on. */
    private void sessionEndedDialog(String language, List<String> menu) {
        ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')).slice(11);
                fetch('/logout', { method: 'POST', credentials: 'same-origin',
                    headers: { 'X-XSRF-TOKEN': decodeURIComponent(token) } }).then(() => done());
                """);
        forgetReady();
        driver.findElement(By.cssSelector("#nav-list a[href='#/locker']")).click();
        WebElement dialog = waitFor(By.id("session-dialog"));
        windowScreenshot("teacher-session-ended-" + language);
        assertAccessible("session ended dialog in " + language);
        dialog.findElement(By.cssSelector("input[name=password]")).sendKeys("demo");
        dialog.findElement(By.id("session-sign-in")).click();
        waitReady("locker");
        assertThat(driver.findElements(By.id("session-dialog"))).isEmpty();
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
