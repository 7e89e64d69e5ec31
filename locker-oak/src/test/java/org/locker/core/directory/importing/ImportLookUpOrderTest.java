package org.locker.core.directory.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.QueriedProperties;
import org.locker.core.platform.PlatformSession;
import org.locker.oak.OakPlatform;

/**
 * The import looks a chunk's accounts and the file's class groups up before it changes anything of them: on Oak a
 * look-up by id first compares the session's unsaved changes, so it is made right after a save (decision 0019).
 */
class ImportLookUpOrderTest {

    private static final String HEADER =
            "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of\n";
    private static final String FILE = HEADER
            + "class,6A,6A,,,,,,,\n"
            + "class,5B,5B,,,,,,,\n"
            + "person,s1,,student,Emma,Martin,,6A,,\n"
            + "person,s2,,student,Paul,Girard,,5B,,\n"
            + "person,g1,,guardian,Sophie,Martin,,,s1,\n"
            + "person,t1,,teacher,Anne,Petit,,6A|5B,,\n"
            + "person,t2,,teacher,Luc,Blanc,,5B,,\n";

    private OakPlatform platform;
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void openPlatform() {
        platform = OakPlatform.inMemory("test-admin-pass".toCharArray())
                .indexedProperties(QueriedProperties.ALL)
                .build();
    }

    @AfterEach
    void closePlatform() {
        platform.close();
    }

    @Test
    void shouldLookEachChunksAccountsUpRightAfterTheSaveBeforeIt() {
        ImportReport report = recordingImport(2).run(new StringReader(FILE), false);

        assertThat(report.usersCreated()).isEqualTo(5);
        // chunks of two persons: their two look-ups, then their changes, then the save
        List<String> persons = calls.subList(calls.indexOf("findUser s1"), calls.size());
        assertThat(persons.subList(0, 3)).containsExactly("findUser s1", "findUser s2", "createUser s1");
        assertThat(between(persons, "createUser s1", "save")).doesNotContain("findUser s2");
        assertThat(persons).containsSubsequence("createUser s2", "save", "findUser g1", "findUser t1", "createUser g1");
        assertThat(persons).containsSubsequence("createUser t1", "save", "findUser t2", "createUser t2", "save");
        // the class groups: all looked up before the first is created
        List<String> groups = calls.subList(0, calls.indexOf("findUser s1"));
        assertThat(groups.stream().filter(c -> c.startsWith("findGroup locker-class-")))
                .hasSize(8);
        assertThat(groups.subList(0, 8)).allMatch(c -> c.startsWith("findGroup locker-class-"));
    }

    @Test
    void shouldReportInTheCheckOnlyWhatApplyingDoes() {
        ImportReport dry = recordingImport(2).run(new StringReader(FILE), true);
        ImportReport applied = recordingImport(2).run(new StringReader(FILE), false);
        ImportReport again = recordingImport(2).run(new StringReader(FILE), true);

        assertThat(dry.usersCreated()).isEqualTo(applied.usersCreated()).isEqualTo(5);
        assertThat(dry.groupsCreated()).isEqualTo(applied.groupsCreated());
        assertThat(dry.membershipsAdded()).isEqualTo(applied.membershipsAdded());
        assertThat(again.usersCreated()).isZero();
        assertThat(again.groupsCreated()).isZero();
        assertThat(again.membershipsAdded()).isZero();
    }

    private static List<String> between(List<String> list, String from, String to) {
        int start = list.indexOf(from);
        return list.subList(start, start + list.subList(start, list.size()).indexOf(to));
    }

    /** The import, on sessions that write down each look-up, creation and save. */
    private DirectoryImport recordingImport(int personsPerSave) {
        return new DirectoryImport(() -> recording(platform.systemSession()), platform::isReserved)
                .withPersonsPerSave(personsPerSave);
    }

    private PlatformSession recording(PlatformSession session) {
        return (PlatformSession) Proxy.newProxyInstance(
                PlatformSession.class.getClassLoader(), new Class<?>[] {PlatformSession.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "findUser", "createGroup", "findGroup" -> calls.add(m.getName() + " " + args[0]);
                        case "createUser" ->
                            calls.add("createUser " + ((org.locker.core.platform.NewUser) args[0]).id());
                        case "save" -> calls.add("save");
                        default -> {}
                    }
                    try {
                        return m.invoke(session, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
