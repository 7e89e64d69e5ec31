package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

    @Test
    void everyReasonShouldHaveItsMessagesInBothLanguages() throws IOException {
        Properties english = load("problems-locker.properties");
        Properties french = load("problems-locker_fr.properties");
        for (Reason reason : Reason.values()) {
            for (String part : new String[] {"title", "detail"}) {
                String key = "problem." + reason.name() + "." + part;
                assertThat(english.getProperty(key)).as(key + " (en)").isNotBlank();
                assertThat(french.getProperty(key)).as(key + " (fr)").isNotBlank();
            }
        }
        assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    }
}
