package org.locker.platformmodule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;

/**
 * The Admin Console page's scripts (Admin Console > Locker > Settings), run on Rhino, the engine Alfresco runs web
 * scripts on, against a stand-in for the repository's JavaScript API (src/test/resources/fake-repository.js) that
 * keeps association names and folder names apart, as the repository does.
 */
class AdminConsolePageTest {

    static final Path SCRIPTS = ModuleFiles.ADMIN_WEBSCRIPTS;

    private Context context;
    private Scriptable scope;

    @BeforeEach
    void enter() {
        context = Context.enter();
        context.setLanguageVersion(Context.VERSION_ES6);
        scope = context.initStandardObjects();
        run(resource("/fake-repository.js"), "fake-repository.js");
    }

    @AfterEach
    void exit() {
        Context.exit();
    }

    /** What the repository holds when the service created its root over REST: Locker under cm:Locker. */
    private void createdByTheService() {
        run("""
                var locker = dataDictionary.add("Locker", "cm:Locker");
                var settings = locker.add("settings", "cm:settings");
                var discussions = settings.add("discussions", "cm:discussions");
                discussions.properties["lk:enabled"] = false;
                discussions.properties["lk:windowStart"] = "08:30";
                discussions.properties["lk:windowEnd"] = "17:00";
                discussions.properties["lk:disabledProfiles"] = ["student"];
                var lockers = settings.add("lockers", "cm:lockers");
                lockers.properties["lk:guardianDocumentExchange"] = true;
                """, "setup");
    }

    @Test
    void shouldShowTheSettingsOfARootTheServiceCreated() {
        createdByTheService();
        page("locker-settings.get.js");

        assertThat(eval("model.found")).isEqualTo("true");
        assertThat(eval("model.settings.discussionsEnabled")).isEqualTo("false");
        assertThat(eval("model.settings.dailyWindowStart")).isEqualTo("08:30");
        assertThat(eval("model.settings.guardianDocumentExchange")).isEqualTo("true");
        assertThat(eval("model.settings.profiles.filter(function (p) { return !p.enabled; })[0].id"))
                .isEqualTo("student");
    }

    @Test
    void shouldSaveIntoTheNodesTheServiceReads() {
        createdByTheService();
        run("""
                form({ discussionsEnabled: "true", guardianMessagingEnabled: "true", dailyWindowStart: "07:45",
                       dailyWindowEnd: "19:00", "profile-teacher": "true", "profile-staff": "true",
                       "profile-counselor": "true", "profile-guardian": "true", "profile-administrator": "true",
                       guardianDocumentExchange: "false", serviceUrl: "https://locker.example.org" });
                """, "form");
        page("locker-settings.post.js");

        assertThat(eval("status.code")).isEqualTo("303");
        assertThat(eval("status.location")).endsWith("?m=locker-settings.saved");
        assertThat(eval("discussions.properties['lk:windowStart'] + '-' + discussions.properties['lk:windowEnd']"))
                .isEqualTo("07:45-19:00");
        assertThat(eval("discussions.properties['lk:enabled']")).isEqualTo("true");
        assertThat(eval("String(discussions.properties['lk:disabledProfiles'])"))
                .isEqualTo("student");
        assertThat(eval("lockers.properties['lk:guardianDocumentExchange']")).isEqualTo("false");
        assertThat(eval("settings.properties['lk:serviceUrl']")).isEqualTo("https://locker.example.org");
        assertThat(eval("settings.hasAspect('lk:settings')")).isEqualTo("true");
        assertThat(eval("dataDictionary.children.length + ' ' + settings.children.length"))
                .as("nothing created beside what the service created")
                .isEqualTo("1 2");
    }

    @Test
    void shouldCreateTheSettingsFolderWhenSavingUnderARootWithoutOne() {
        run("var locker = dataDictionary.add('Locker', 'cm:Locker');", "setup");
        page("locker-settings.get.js");
        assertThat(eval("model.found")).isEqualTo("true");
        assertThat(eval("model.settings.discussionsEnabled")).as("the defaults").isEqualTo("true");

        run("form({ dailyWindowStart: '07:00', dailyWindowEnd: '20:00', 'profile-teacher': 'true' });", "form");
        page("locker-settings.post.js");
        assertThat(eval("status.location")).endsWith("?m=locker-settings.saved");
        assertThat(eval("locker.childByNamePath('settings/discussions').properties['lk:windowEnd']"))
                .isEqualTo("20:00");
        assertThat(eval("locker.childByNamePath('settings').hasAspect('lk:settings')"))
                .isEqualTo("true");
    }

    @Test
    void shouldSayTheRootIsMissingOnlyWhenItIs() {
        page("locker-settings.get.js");
        assertThat(eval("model.found")).isEqualTo("false");

        run("form({ dailyWindowStart: '07:00', dailyWindowEnd: '20:00' });", "form");
        page("locker-settings.post.js");
        assertThat(eval("status.location")).endsWith("?e=locker-settings.error.missing");
        assertThat(eval("dataDictionary.children.length")).isEqualTo("0");
    }

    @Test
    void shouldRefuseAWindowEndingBeforeItStarts() {
        createdByTheService();
        run("form({ dailyWindowStart: '18:00', dailyWindowEnd: '08:00' });", "form");
        page("locker-settings.post.js");
        assertThat(eval("status.location")).endsWith("?e=locker-settings.error.window");
        assertThat(eval("discussions.properties['lk:windowStart']")).isEqualTo("08:30");
    }

    // ------------------------------------------------------------------ helpers

    /** Runs a page's controller after the library, as the web script runtime does with its import directives. */
    private void page(String script) {
        run(withoutImports(SCRIPTS.resolve("locker-settings.lib.js")), "locker-settings.lib.js");
        run(withoutImports(SCRIPTS.resolve(script)), script);
    }

    private static String withoutImports(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?m)^<import [^>]*>\\s*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String source, String name) {
        context.evaluateString(scope, source, name, 1, null);
    }

    private String eval(String expression) {
        return Context.toString(context.evaluateString(scope, expression, "assert", 1, null));
    }

    private static String resource(String name) {
        try (InputStream in = AdminConsolePageTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
