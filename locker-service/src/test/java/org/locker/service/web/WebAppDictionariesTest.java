package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.locker.core.audit.AuditAction;
import tools.jackson.databind.json.JsonMapper;

/** The web app's French and English dictionaries say the same things, and every key the app uses exists. */
class WebAppDictionariesTest {

    private static final Path APP = Path.of("src/main/resources/static/app");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern KEY_USE = Pattern.compile("\\bt\\(['`]([A-Za-z0-9.]+)['`]");
    private static final Pattern STATIC_KEY = Pattern.compile("data-i18n=\"([A-Za-z0-9.]+)\"");

    @Test
    void shouldHaveTheSameKeysInFrenchAndEnglish() {
        assertThat(dictionary("fr").keySet()).isEqualTo(dictionary("en").keySet());
    }

    @Test
    void shouldUseTheSamePlaceholdersInBothLanguages() {
        Map<String, String> fr = dictionary("fr");
        dictionary("en")
                .forEach((key, english) ->
                        assertThat(placeholders(fr.get(key))).as(key).isEqualTo(placeholders(english)));
    }

    @Test
    void shouldHaveNoEmptyString() {
        for (String lang : new String[] {"fr", "en"}) {
            dictionary(lang)
                    .forEach(
                            (key, text) -> assertThat(text).as(lang + " " + key).isNotBlank());
        }
    }

    @Test
    void shouldDefineEveryKeyTheAppUses() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(APP)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                collect(KEY_USE, Files.readString(file), used);
            }
        }
        collect(STATIC_KEY, resource("/org/locker/service/web/login.html"), used);
        assertThat(used).isNotEmpty();
        assertThat(dictionary("en").keySet()).containsAll(used);
    }

    /**
     * The audit screen lists every action of the trail in its filter and says each one as a sentence, in both
     * languages (its keys are built from the action's name, so the test above does not see them).
     */
    @Test
    void shouldNameAndSayEveryAuditAction() throws IOException {
        String admin = Files.readString(APP.resolve("admin.js"));
        Matcher listed = Pattern.compile("const AUDIT_ACTIONS = \\[([^\\]]*)]").matcher(admin);
        assertThat(listed.find()).as("AUDIT_ACTIONS in admin.js").isTrue();
        for (AuditAction action : AuditAction.values()) {
            assertThat(listed.group(1)).as("the filter lists " + action).contains("'" + action.name() + "'");
            for (String lang : new String[] {"fr", "en"}) {
                assertThat(dictionary(lang))
                        .as(lang + " " + action)
                        .containsKeys("audit.actionName." + action.name(), "audit.sentence." + action.name());
            }
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        collect(PLACEHOLDER, text, names);
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> dictionary(String lang) {
        return JsonMapper.builder().build().readValue(resource("/static/app/i18n/" + lang + ".json"), Map.class);
    }

    private static String resource(String name) {
        try (InputStream in = WebAppDictionariesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
