package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DiscussionMessagesTest {

    private static final String BASE = "/org/locker/core/discussion/messages";

    @Test
    void englishAndFrenchBundlesShouldHaveTheSameKeys() throws IOException {
        assertThat(load(BASE + "_fr.properties").stringPropertyNames())
                .isEqualTo(load(BASE + ".properties").stringPropertyNames());
    }

    @ParameterizedTest
    @EnumSource(RefusalReason.class)
    void everyReasonShouldHaveANonBlankMessageInBothLanguages(RefusalReason reason) throws IOException {
        for (String file : new String[] {BASE + ".properties", BASE + "_fr.properties"}) {
            String value = load(file).getProperty(reason.messageKey());
            assertThat(value).as(file + " " + reason).isNotBlank();
            // MessageFormat eats a lone ASCII apostrophe: write ’ or ''.
            assertThat(value.replace("''", "")).as(file + " " + reason).doesNotContain("'");
        }
    }

    @Test
    void bundlesShouldHoldOnlyRefusalKeys() throws IOException {
        for (String key : load(BASE + ".properties").stringPropertyNames()) {
            String name = key.substring("discussion.refusal.".length());
            assertThat(RefusalReason.valueOf(name).messageKey()).isEqualTo(key);
        }
    }

    @ParameterizedTest
    @EnumSource(RefusalReason.class)
    void everyRefusalShouldExplainItselfInFrenchAndEnglish(RefusalReason reason) {
        Decision decision = reason == RefusalReason.OUTSIDE_HOURS
                ? Decision.outsideHours(ZonedDateTime.parse("2026-03-29T07:00+02:00[Europe/Paris]"))
                : Decision.refused(reason);
        String french = decision.message(Locale.FRANCE);
        String english = decision.message(Locale.ENGLISH);
        assertThat(french).isNotBlank().doesNotContain("{").isNotEqualTo(english);
        assertThat(english).isNotBlank().doesNotContain("{");
    }

    @Test
    void outsideHoursMessageShouldNameTheNextOpening() {
        Decision decision = Decision.outsideHours(ZonedDateTime.parse("2026-03-29T07:00+02:00[Europe/Paris]"));
        assertThat(decision.message(Locale.FRENCH))
                .contains("rouvrent")
                .contains("29")
                .contains("mars")
                .contains("07:00");
        assertThat(decision.message(Locale.ENGLISH))
                .contains("open again")
                .contains("March")
                .contains("29");
    }

    @Test
    void frenchAccentsShouldBeReadAsUtf8() {
        assertThat(Decision.refused(RefusalReason.DISCUSSIONS_DISABLED).message(Locale.FRENCH))
                .isEqualTo("Les discussions sont désactivées dans l’établissement.");
    }

    @Test
    void otherLanguagesShouldFallBackToEnglishWhateverTheServerLocale() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRANCE);
            assertThat(Decision.refused(RefusalReason.NOT_A_PARTICIPANT).message(Locale.GERMAN))
                    .isEqualTo("You are not a participant of this discussion.");
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void anAllowedDecisionHasNothingToExplain() {
        assertThatThrownBy(() -> Decision.allowed().message(Locale.ENGLISH)).isInstanceOf(IllegalStateException.class);
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DiscussionMessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
