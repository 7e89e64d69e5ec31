package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.locker.core.locker.LockerRefusal.Reason;

/** Every locker refusal reason has its title and detail, in English and in French, and the bundles match. */
class LockerProblemMessagesTest {

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LockerProblemMessagesTest.class.getResourceAsStream("/" + resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** The bundles the service's message source reads (spring.messages.basename), first one wins. */
    private static final String[] BUNDLES = {"problems", "problems-locker", "problems-discussion"};

    private static Properties all(String suffix) throws IOException {
        Properties merged = new Properties();
        for (String bundle : BUNDLES) {
            Properties one = load(bundle + suffix + ".properties");
            for (String key : one.stringPropertyNames()) {
                assertThat(merged.containsKey(key))
                        .as(key + " is defined in two bundles, one shadows the other")
                        .isFalse();
                merged.setProperty(key, one.getProperty(key));
            }
        }
        return merged;
    }

    @Test
    void everyReasonShouldHaveItsMessagesInBothLanguages() throws IOException {
        Properties english = all("");
        Properties french = all("_fr");
        for (Reason reason : Reason.values()) {
            for (String part : new String[] {"title", "detail"}) {
                String key = "problem." + reason.name() + "." + part;
                assertThat(english.getProperty(key)).as(key + " (en)").isNotBlank();
                assertThat(french.getProperty(key)).as(key + " (fr)").isNotBlank();
            }
        }
        assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            // the same arguments in both languages: a message never loses the name or limit it reports
            assertThat(placeholders(french.getProperty(key)))
                    .as(key + ": {n} in fr and en")
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
        for (Properties bundle : List.of(english, french)) {
            // MessageFormat eats a lone ASCII apostrophe: write ’ or ''
            bundle.forEach((key, value) -> assertThat(value.toString().replace("''", ""))
                    .as(key.toString())
                    .doesNotContain("'"));
        }
    }

    private static java.util.Set<String> placeholders(String message) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\{(\\d+)[^}]*}").matcher(message);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
