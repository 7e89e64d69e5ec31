package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.core.locker.LockerSchool.COUNSELOR;
import static org.locker.core.locker.LockerSchool.GUARDIAN;
import static org.locker.core.locker.LockerSchool.STAFF;
import static org.locker.core.locker.LockerSchool.STUDENT;
import static org.locker.core.locker.LockerSchool.T_ONE;
import static org.locker.core.locker.LockerSchool.T_TWO;
import static org.locker.core.locker.LockerSchool.request;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.directory.Profile;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.DepositFile;
import org.locker.core.locker.Lockers.Deposited;
import org.locker.core.locker.Lockers.LockerFilter;
import org.locker.core.locker.Lockers.PreparedDeposit;
import org.locker.core.locker.Lockers.Settings;
import org.locker.core.platform.Access;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepositDocumentTest {

    private final LockerSchool school = new LockerSchool();

    @AfterAll
    void close() {
        school.close();
    }

    @Test
    void aDepositShouldReachEveryRecipientButNotTheDepositorNorOthers() {
        Deposited deposited = school.deposit(T_ONE, request("user:s.staff", "team:5B"), "timetable.txt");

        assertThat(deposited.version()).isEqualTo("1.0");
        assertThat(school.lockerNames(STAFF)).contains("timetable.txt");
        assertThat(school.lockerNames(T_TWO)).as("in the team of 5B").contains("timetable.txt");
        assertThat(school.lockerNames(COUNSELOR)).as("not selected").doesNotContain("timetable.txt");
        assertThat(school.lockerNames(T_ONE))
                .as("the depositor is no recipient of their own deposit")
                .doesNotContain("timetable.txt");
        assertThat(school.read(STAFF, deposited.id())).isEqualTo("content of timetable.txt");
    }

    @Test
    void severalFilesShouldBeSeveralDepositsWithTheSameRecipients() {
        PreparedDeposit prepared = school.deposits.prepare(T_ONE, Profile.TEACHER, request("user:c.couns"));
        List<Deposited> deposited = school.deposits.deposit(
                prepared, List.of(LockerSchool.text("a.txt", "a"), LockerSchool.text("b.txt", "b")));

        assertThat(deposited).extracting(Deposited::name).containsExactly("a.txt", "b.txt");
        assertThat(deposited.get(0).depositId()).isNotEqualTo(deposited.get(1).depositId());
        assertThat(school.lockerNames(COUNSELOR)).contains("a.txt", "b.txt");
    }

    @Test
    void eachFileMayHaveItsOwnTypeCheckedBeforeAnyIsStored() {
        PreparedDeposit prepared = school.deposits.prepare(T_ONE, Profile.TEACHER, request("user:c.couns"));
        List<Deposited> deposited = school.deposits.deposit(
                prepared,
                List.of(
                        LockerSchool.text("typed-a.txt", "a").ofType("CIRCULAR"),
                        LockerSchool.text("typed-b.txt", "b")));

        List<Lockers.LockerEntry> locker = school.listing.locker(COUNSELOR, LockerFilter.none());
        assertThat(locker.stream().filter(e -> e.id().equals(deposited.get(0).id())))
                .singleElement()
                .extracting(Lockers.LockerEntry::documentType)
                .isEqualTo("CIRCULAR");
        assertThat(locker.stream().filter(e -> e.id().equals(deposited.get(1).id())))
                .singleElement()
                .extracting(Lockers.LockerEntry::documentType)
                .as("the request's type")
                .isEqualTo("OTHER");

        assertRefused(
                () -> school.deposits.deposit(
                        prepared,
                        List.of(
                                LockerSchool.text("never-a.txt", "a"),
                                LockerSchool.text("never-b.txt", "b").ofType("NO_SUCH_TYPE"))),
                Reason.UNKNOWN_DOCUMENT_TYPE);
        assertThat(school.lockerNames(COUNSELOR)).doesNotContain("never-a.txt", "never-b.txt");
    }

    @Test
    void aGuardianShouldBeOfferedAndAllowedOnlyWhatAppliesToAFamily() {
        Settings open = new Settings(LockerModel.DEFAULT_DOCUMENT_TYPES, true, false);
        Lockers.DepositOptions guardian = DepositDocument.options(Profile.GUARDIAN, open);
        assertThat(guardian.mayDeposit()).isTrue();
        assertThat(guardian.recipientProfiles()).containsExactly(Profile.TEACHER, Profile.STAFF, Profile.COUNSELOR);
        assertThat(guardian.classTeams()).isTrue();
        assertThat(guardian.familyClassesOnly()).isTrue();
        assertThat(guardian.wholeCategories()).isFalse();
        assertThat(guardian.standing()).isFalse();
        assertThat(guardian.allowModify()).isFalse();

        Lockers.DepositOptions teacher = DepositDocument.options(Profile.TEACHER, open);
        assertThat(teacher.recipientProfiles())
                .containsExactly(Profile.TEACHER, Profile.STAFF, Profile.COUNSELOR, Profile.GUARDIAN);
        assertThat(teacher.wholeCategories()).isTrue();
        assertThat(teacher.familyClassesOnly()).isFalse();
        assertThat(teacher.standing()).isTrue();
        assertThat(teacher.allowModify()).isTrue();

        assertThat(DepositDocument.options(Profile.STUDENT, open).mayDeposit()).isFalse();
        assertThat(DepositDocument.options(
                        Profile.GUARDIAN, new Settings(LockerModel.DEFAULT_DOCUMENT_TYPES, false, false)))
                .extracting(
                        Lockers.DepositOptions::mayDeposit,
                        o -> o.recipientProfiles().isEmpty())
                .containsExactly(false, true);

        // what is not offered is refused
        Lockers lockers = new Lockers(school.platform, school.clock);
        boolean before = lockers.settings().guardianExchange();
        try {
            lockers.updateSettings(LockerSchool.ADMIN, Optional.empty(), Optional.of(true), Optional.empty());
            assertRefused(
                    () -> school.deposits.prepare(
                            GUARDIAN,
                            Profile.GUARDIAN,
                            new DepositRequest(
                                    "OTHER",
                                    "",
                                    List.of("user:t.one"),
                                    false,
                                    true,
                                    Optional.empty(),
                                    Optional.empty())),
                    Reason.MODIFY_NOT_ALLOWED);
        } finally {
            lockers.updateSettings(LockerSchool.ADMIN, Optional.empty(), Optional.of(before), Optional.empty());
        }
    }

    @Test
    void requestsShouldBeRefusedWithTheirReason() {
        assertRefused(
                () -> school.deposits.prepare(STUDENT, Profile.STUDENT, request("user:t.one")),
                Reason.STUDENTS_CANNOT_DEPOSIT);
        assertRefused(
                () -> school.deposits.prepare(
                        T_ONE,
                        Profile.TEACHER,
                        new DepositRequest(
                                "NO_SUCH_TYPE",
                                "",
                                List.of("user:s.staff"),
                                false,
                                false,
                                Optional.empty(),
                                Optional.empty())),
                Reason.UNKNOWN_DOCUMENT_TYPE);
        assertRefused(
                () -> school.deposits.prepare(
                        T_ONE,
                        Profile.TEACHER,
                        new DepositRequest(
                                "OTHER",
                                "x".repeat(LockerModel.MEMO_LIMIT + 1),
                                List.of("user:s.staff"),
                                false,
                                false,
                                Optional.empty(),
                                Optional.empty())),
                Reason.MEMO_TOO_LONG);
        assertRefused(() -> school.deposits.prepare(T_ONE, Profile.TEACHER, request()), Reason.NO_RECIPIENT);
        assertRefused(
                () -> school.deposits.prepare(T_ONE, Profile.TEACHER, request("user:t.one")), Reason.NO_RECIPIENT);
        assertRefused(
                () -> school.deposits.prepare(T_ONE, Profile.TEACHER, request("guardians:6A")), Reason.WINDOW_REQUIRED);
        PreparedDeposit prepared = school.deposits.prepare(T_ONE, Profile.TEACHER, request("user:s.staff"));
        assertRefused(() -> school.deposits.deposit(prepared, List.of()), Reason.NO_FILE);
    }

    @Test
    void guardiansShouldDepositOnlyWhenTheSettingsAllowIt() {
        Settings closed = new Settings(LockerModel.DEFAULT_DOCUMENT_TYPES, false, false);
        Settings open = new Settings(LockerModel.DEFAULT_DOCUMENT_TYPES, true, false);
        assertThat(DepositDocument.mayDeposit(Profile.STUDENT, open)).isFalse();
        assertThat(DepositDocument.mayDeposit(Profile.GUARDIAN, closed)).isFalse();
        assertThat(DepositDocument.mayDeposit(Profile.GUARDIAN, open)).isTrue();
        for (Profile profile : List.of(Profile.TEACHER, Profile.STAFF, Profile.COUNSELOR, Profile.ADMINISTRATOR)) {
            assertThat(DepositDocument.mayDeposit(profile, closed))
                    .as(profile.code())
                    .isTrue();
        }

        Lockers lockers = new Lockers(school.platform, school.clock);
        boolean before = lockers.settings().guardianExchange();
        try {
            lockers.updateSettings(LockerSchool.ADMIN, Optional.empty(), Optional.of(false), Optional.empty());
            assertThat(lockers.mayDeposit(Profile.GUARDIAN)).isFalse();
            assertRefused(
                    () -> school.deposits.prepare(GUARDIAN, Profile.GUARDIAN, request("user:t.one")),
                    Reason.GUARDIAN_EXCHANGE_DISABLED);
            lockers.updateSettings(LockerSchool.ADMIN, Optional.empty(), Optional.of(true), Optional.empty());
            assertThat(lockers.mayDeposit(Profile.GUARDIAN)).isTrue();
            Deposited deposited = school.deposit(GUARDIAN, Profile.GUARDIAN, request("user:t.one"), "absence.txt");
            assertThat(school.lockerNames(T_ONE)).contains(deposited.name());
        } finally {
            lockers.updateSettings(LockerSchool.ADMIN, Optional.empty(), Optional.of(before), Optional.empty());
        }
    }

    @Test
    void aCopyFromTheCloudShouldReadTheSourceOnceAsTheDepositorAndStoreItsContent() {
        NodeId source = ownDocument("cloud-t-one", "my notes.txt", "notes of t.one", T_ONE);
        PreparedDeposit prepared = school.deposits.prepare(T_ONE, Profile.TEACHER, request("user:s.staff"));
        AtomicInteger opened = new AtomicInteger();
        List<String> judgedNames = new ArrayList<>();

        List<Deposited> copied = copyFromCloud(
                school.platform, school.deposits, prepared, source, Optional.of("renamed.txt"), (name, content) -> {
                    judgedNames.add(name);
                    opened.incrementAndGet();
                    try (InputStream in = content.open()) {
                        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                                .isEqualTo("notes of t.one");
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                    return new DepositFile(name, new ContentSource(InputStream.nullInputStream(), "text/plain"));
                });

        assertThat(judgedNames).containsExactly("renamed.txt");
        assertThat(opened).hasValue(1);
        assertThat(copied).extracting(Deposited::name).containsExactly("renamed.txt");
        assertThat(school.read(STAFF, copied.get(0).id())).isEqualTo("notes of t.one");
    }

    @Test
    void aCopyFromTheCloudShouldReadTheSourceFromThePlatformOnce() {
        NodeId source = ownDocument("cloud-t-one-once", "once.txt", "read me once", T_ONE);
        AtomicInteger reads = new AtomicInteger();
        ContentPlatform counting = countingReads(school.platform, reads);
        DepositDocument deposits = new DepositDocument(
                counting, school.clock, school.store, school.resolver, school.windows, school.audit, school.notices);
        PreparedDeposit prepared = deposits.prepare(T_ONE, Profile.TEACHER, request("user:s.staff"));

        List<Deposited> copied =
                copyFromCloud(counting, deposits, prepared, source, Optional.empty(), (name, content) -> {
                    try (InputStream in = content.open()) {
                        in.readAllBytes(); // a judge reads it all (Tika spools it to read zip and OLE2 directories)
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                    return new DepositFile(name, new ContentSource(InputStream.nullInputStream(), "text/plain"));
                });

        assertThat(reads).as("platform reads of the source").hasValue(1);
        assertThat(school.read(STAFF, copied.get(0).id())).isEqualTo("read me once");
    }

    /** {@code platform}, counting the contents its sessions read. */
    private static ContentPlatform countingReads(ContentPlatform platform, AtomicInteger reads) {
        return proxy(
                ContentPlatform.class,
                platform,
                (method, result) -> result instanceof PlatformSession session
                        ? proxy(PlatformSession.class, session, (m, r) -> {
                            if (m.getName().equals("readContent")) {
                                reads.incrementAndGet();
                            }
                            return r;
                        })
                        : result);
    }

    private static <T> T proxy(Class<T> type, T target, BiFunction<Method, Object, Object> after) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    @Test
    void aCopyOfWhatTheDepositorCannotReadShouldBeAnUnknownDocument() {
        NodeId theirs = ownDocument("cloud-t-two", "private.txt", "of t.two", T_TWO);
        PreparedDeposit prepared = school.deposits.prepare(T_ONE, Profile.TEACHER, request("user:s.staff"));

        assertThatThrownBy(() -> copyFromCloud(
                        school.platform,
                        school.deposits,
                        prepared,
                        theirs,
                        Optional.empty(),
                        (name, content) ->
                                new DepositFile(name, new ContentSource(InputStream.nullInputStream(), "text/plain"))))
                .isInstanceOfSatisfying(
                        SourceRefusal.class,
                        refused -> assertThat(refused.refusal().reason()).isEqualTo(Reason.UNKNOWN_DOCUMENT));
    }

    /** One document "from my cloud", as the service copies it. */
    private List<Deposited> copyFromCloud(
            ContentPlatform platform,
            DepositDocument deposits,
            PreparedDeposit prepared,
            NodeId source,
            Optional<String> rename,
            Lockers.ContentJudge judge) {
        return new DepositFromCloud(platform, school.clock, deposits)
                .copy(prepared, List.of(new Lockers.CloudSource(source, rename, Optional.empty())), judge);
    }

    /** A document of {@code owner}'s own, outside lockers. */
    private NodeId ownDocument(String folder, String name, String text, org.locker.core.platform.UserId owner) {
        try (PlatformSession system = school.platform.systemSession()) {
            Node parent = system.ensureFolder("/cloud/" + folder);
            Node document = system.createDocument(
                    parent.id(),
                    name,
                    "lk:cloudDocument",
                    Map.of(),
                    new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain"));
            system.grant(document.id(), owner, Access.WRITE);
            system.save();
            return document.id();
        }
    }

    static void assertRefused(Runnable action, Reason reason) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        LockerRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(reason));
    }
}
