package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.directory.importing.ImportReport;
import org.locker.core.platform.UserId;

/**
 * A small school on a {@link FakeAlfresco}: the real {@link AlfrescoPlatform} over HTTP, the directory imported
 * through the engine's {@link DirectoryImport}, every user signed in ({@code POST /tickets}) so that
 * {@code sessionAs} has their ticket. {@link #close()} checks the contract when {@code ALFRESCO_OPENAPI_SPEC}
 * is set: every request and answer of the whole flow against Alfresco's API definitions.
 */
final class FakeAlfrescoSchool implements AutoCloseable {

    static final String PASSWORD = "Secret-1";
    static final String ROOT_PATH = "Data Dictionary/Locker";
    /** A Tuesday, 10:00 in Paris: inside the default discussion window. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneId.of("Europe/Paris"));

    private static final String HEADER =
            "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of,password\n";
    static final String SCHOOL = HEADER
            + "class,6A,Sixième A,,,,,,,,\n"
            + "class,5B,Cinquième B,,,,,,,,\n"
            + "person,admin.one,,administrator,Ada,Admin,,,,," + PASSWORD + "\n"
            + "person,t.one,,teacher,Tina,One,t.one@school.fr,6A,,," + PASSWORD + "\n"
            + "person,t.two,,teacher,Tom,Two,,5B,,," + PASSWORD + "\n"
            + "person,t.three,,teacher,Theo,Three,,6A,,," + PASSWORD + "\n"
            + "person,st.one,,staff,Stan,Staff,,,,," + PASSWORD + "\n"
            + "person,s.one,,student,Sam,One,,6A,,," + PASSWORD + "\n"
            + "person,s.two,,student,Sue,Two,,5B,,," + PASSWORD + "\n"
            + "person,g.one,,guardian,Gus,One,,,s.one,," + PASSWORD + "\n"
            + "person,g.two,,guardian,Gil,Two,,,s.two,," + PASSWORD + "\n";
    static final List<String> USERS =
            List.of("admin.one", "t.one", "t.two", "t.three", "st.one", "s.one", "s.two", "g.one", "g.two");

    final FakeAlfresco alfresco;
    final AlfrescoPlatform platform;
    final ImportReport imported;

    FakeAlfrescoSchool() {
        alfresco = new FakeAlfresco();
        try {
            platform = AlfrescoPlatform.builder(alfresco.settings(ROOT_PATH)).build();
            imported = new DirectoryImport(platform).run(new StringReader(SCHOOL), false);
            for (String user : USERS) {
                assertThat(platform.authenticate(UserId.of(user), PASSWORD.toCharArray()))
                        .as(user)
                        .isPresent();
            }
        } catch (RuntimeException | Error e) {
            alfresco.close();
            throw e;
        }
    }

    /** HTTP requests the binding sent so far. */
    long requests() {
        return platform.requestCount();
    }

    /** Contract check of everything served, then stop. */
    @Override
    public void close() {
        try {
            AlfrescoContract.fromEnvironment()
                    .ifPresent(contract -> assertThat(contract.violations(alfresco.served()))
                            .as("requests and answers against " + System.getenv(AlfrescoContract.ENV))
                            .isEmpty());
        } finally {
            platform.close();
            alfresco.close();
        }
    }
}
