package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.core.locker.LockerSchool.STAFF;
import static org.locker.core.locker.LockerSchool.T_ONE;
import static org.locker.core.locker.LockerSchool.T_TWO;
import static org.locker.core.locker.LockerSchool.request;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.directory.Profile;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.CloudSource;
import org.locker.core.locker.Lockers.ContentJudge;
import org.locker.core.locker.Lockers.DepositFile;
import org.locker.core.locker.Lockers.Deposited;
import org.locker.core.mydocuments.MyDocuments;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;

/** Several documents of "My documents" deposited at once, all or nothing, as copies. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepositFromCloudTest {

    private final LockerSchool school = new LockerSchool();
    private final MyDocuments myDocuments = new MyDocuments(school.platform);
    private final DepositFromCloud fromCloud = new DepositFromCloud(school.platform, school.clock, school.deposits);

    /** Refuses names ending in ".bad", keeps the others as text. */
    private final ContentJudge judge = (name, opener) -> {
        if (name.endsWith(".bad")) {
            throw new LockerRefusal(Reason.EXECUTABLE_NAME, name);
        }
        return new DepositFile(name, new ContentSource(ByteArrayInputStream.nullInputStream(), "text/plain"));
    };

    @AfterAll
    void close() {
        school.close();
    }

    private NodeId mine(String name, String text) {
        return NodeId.of(myDocuments
                .upload(
                        T_ONE,
                        Optional.empty(),
                        name,
                        new ContentSource(
                                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain"))
                .id());
    }

    private Lockers.PreparedDeposit prepared() {
        return school.deposits.prepare(T_ONE, Profile.TEACHER, request("user:s.staff"));
    }

    @Test
    void severalDocumentsShouldBecomeCopiesEachWithItsNameAndType() {
        String stamp = String.valueOf(System.nanoTime());
        NodeId first = mine("first-" + stamp + ".txt", "one");
        NodeId second = mine("second-" + stamp + ".txt", "two");

        List<Deposited> deposited = fromCloud.copy(
                prepared(),
                List.of(
                        new CloudSource(first, Optional.empty(), Optional.of("TIMETABLE")),
                        new CloudSource(second, Optional.of("renamed-" + stamp + ".txt"), Optional.of("CIRCULAR"))),
                judge);

        assertThat(deposited)
                .extracting(Deposited::name)
                .containsExactly("first-" + stamp + ".txt", "renamed-" + stamp + ".txt");
        assertThat(deposited).extracting(Deposited::id).doesNotContain(first, second);
        assertThat(school.lockerNames(STAFF)).contains("first-" + stamp + ".txt", "renamed-" + stamp + ".txt");
        assertThat(school.read(STAFF, deposited.get(1).id())).isEqualTo("two");
    }

    @Test
    void oneRefusedDocumentShouldStoreNothingAndBeNamed() {
        String stamp = String.valueOf(System.nanoTime());
        NodeId good = mine("good-" + stamp + ".txt", "good");
        NodeId bad = mine("bad-" + stamp + ".txt", "bad");

        assertThatThrownBy(() -> fromCloud.copy(
                        prepared(),
                        List.of(
                                new CloudSource(good, Optional.empty(), Optional.empty()),
                                new CloudSource(bad, Optional.of("bad-" + stamp + ".bad"), Optional.empty())),
                        judge))
                .isInstanceOfSatisfying(SourceRefusal.class, refused -> {
                    assertThat(refused.index()).isEqualTo(1);
                    assertThat(refused.name()).isEqualTo("bad-" + stamp + ".txt");
                    assertThat(refused.refusal().reason()).isEqualTo(Reason.EXECUTABLE_NAME);
                });
        assertThat(school.lockerNames(STAFF)).doesNotContain("good-" + stamp + ".txt");
    }

    @Test
    void anotherPersonsDocumentShouldBeUnknownAndStoreNothing() {
        String stamp = String.valueOf(System.nanoTime());
        NodeId mine = mine("mine-" + stamp + ".txt", "mine");
        NodeId theirs = NodeId.of(myDocuments
                .upload(
                        T_TWO,
                        Optional.empty(),
                        "theirs.txt",
                        new ContentSource(new ByteArrayInputStream(new byte[] {1}), "text/plain"))
                .id());

        assertThatThrownBy(() -> fromCloud.copy(
                        prepared(),
                        List.of(
                                new CloudSource(mine, Optional.empty(), Optional.empty()),
                                new CloudSource(theirs, Optional.empty(), Optional.empty())),
                        judge))
                .isInstanceOfSatisfying(SourceRefusal.class, refused -> {
                    assertThat(refused.index()).isEqualTo(1);
                    assertThat(refused.name()).isNull();
                    assertThat(refused.refusal().reason()).isEqualTo(Reason.UNKNOWN_DOCUMENT);
                });
        assertThat(school.lockerNames(STAFF)).doesNotContain("mine-" + stamp + ".txt");
    }
}
