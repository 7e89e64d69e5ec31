package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.Profile;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.UserId;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** A locker of more than a page: 50 documents first, more when the end of the list scrolls into view or on "Show more". */
class LockerPagingInBrowserIT extends BrowserTestBase {

    private static final By CARDS = By.cssSelector("#locker-list article.document");

    @Autowired
    Lockers lockers;

    @Test
    void aLockerOfMoreThan50DocumentsShouldShowMoreOnScrollAndOnShowMore() {
        // 120 documents for t.lemoine, in one deposit of 120 files (quicker than 120 deposits)
        lockers.deposit(
                lockers.prepare(
                        UserId.of("t.colin"),
                        Profile.TEACHER,
                        new DepositRequest(
                                "CIRCULAR",
                                "",
                                List.of("user:t.lemoine"),
                                false,
                                false,
                                Optional.empty(),
                                Optional.empty())),
                IntStream.range(0, 120)
                        .mapToObj(i -> new Lockers.DepositFile(
                                "page-" + i + ".txt",
                                new ContentSource(
                                        new ByteArrayInputStream(("document " + i).getBytes(StandardCharsets.UTF_8)),
                                        "text/plain")))
                        .toList());

        signIn("t.lemoine");
        open("locker");
        assertThat(driver.findElements(CARDS)).hasSize(50);
        WebElement more = driver.findElement(By.id("locker-more"));
        assertThat(more.isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("locker-summary")).getText()).contains("more below");

        // scrolling to the end of the list brings the next page
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById('locker-end').scrollIntoView({block: 'end'})");
        wait(Duration.ofSeconds(15)).until(d -> d.findElements(CARDS).size() >= 100);

        // and "Show more", from the keyboard, the rest
        more = driver.findElement(By.id("locker-more"));
        more.sendKeys(" ");
        wait(Duration.ofSeconds(15)).until(d -> d.findElements(CARDS).size() == 120 + otherDocuments());
        wait(Duration.ofSeconds(5))
                .until(d -> !d.findElement(By.id("locker-more")).isDisplayed());
        List<String> titles = driver.findElements(By.cssSelector("#locker-list h2.doc-title")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(titles).doesNotHaveDuplicates();
        assertThat(driver.findElement(By.id("locker-summary")).getText()).doesNotContain("more below");
    }

    /** What t.lemoine received from other tests of the same application. */
    private int otherDocuments() {
        return lockers.locker(UserId.of("t.lemoine"), Lockers.LockerFilter.none())
                        .size()
                - 120;
    }
}
