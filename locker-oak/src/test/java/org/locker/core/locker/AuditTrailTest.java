package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.locker.core.locker.DepositDocumentTest.assertRefused;
import static org.locker.core.locker.LockerSchool.ADMIN;
import static org.locker.core.locker.LockerSchool.STAFF;
import static org.locker.core.locker.LockerSchool.T_ONE;
import static org.locker.core.locker.LockerSchool.request;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.audit.AuditAction;
import org.locker.core.audit.AuditEntry;
import org.locker.core.audit.AuditFilter;
import org.locker.core.audit.SecurityAudit;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.Deposited;
import org.locker.core.locker.Lockers.Settings;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {

    private final LockerSchool school = new LockerSchool();

    @AfterAll
    void close() {
        school.close();
    }

    @Test
    void everyStepOfADepositShouldBeAuditedInOrder() {
        Deposited deposited = school.deposit(T_ONE, request("user:s.staff"), "report.txt");
        school.read(STAFF, deposited.id());
        school.read(STAFF, deposited.id());
        school.read(T_ONE, deposited.id()); // the depositor's own openings are no receipts
        school.documents.addVersion(
                T_ONE, deposited.id(), name -> LockerSchool.text(name, "v2").content(), "typo");
        school.distributions.withdraw(T_ONE, deposited.id());

        List<AuditEntry> entries = school.audit.entries(AuditFilter.ofDeposit(deposited.depositId()));
        assertThat(entries)
                .extracting(AuditEntry::action)
                .containsExactly(
                        AuditAction.DEPOSITED.name(),
                        AuditAction.OPENED.name(),
                        AuditAction.OPENED.name(),
                        AuditAction.NEW_VERSION.name(),
                        AuditAction.WITHDRAWN.name());
        assertThat(entries)
                .extracting(AuditEntry::actor)
                .containsExactly("t.one", "s.staff", "s.staff", "t.one", "t.one");
        assertThat(entries)
                .extracting(AuditEntry::detail)
                .containsExactly("recipients=[user:s.staff]", "first opening", "", "version=1.1 typo", "");
        assertThat(entries).allSatisfy(e -> assertThat(e.documentName()).isEqualTo("report.txt"));
    }

    @Test
    void settingsChangesShouldBeCheckedAndAudited() {
        Settings changed = school.settings.update(
                ADMIN,
                Optional.of(LockerSettings.fromTexts(List.of(" circular ", "OTHER", "CIRCULAR"))),
                Optional.empty(),
                Optional.of(true));

        assertThat(changed.documentTypes()).containsExactly("CIRCULAR", "OTHER");
        assertThat(changed.macroEnabledDocuments()).isTrue();
        assertThat(school.settings.settings()).isEqualTo(changed);
        assertThat(school.audit.entries(AuditFilter.all()))
                .extracting(AuditEntry::action)
                .contains(AuditAction.SETTINGS_CHANGED.name());
        assertRefused(
                () -> school.settings.update(
                        ADMIN,
                        Optional.of(LockerSettings.fromTexts(List.of("?!"))),
                        Optional.empty(),
                        Optional.empty()),
                Reason.DOCUMENT_TYPE_LABEL_INVALID);
        assertRefused(
                () -> school.settings.update(ADMIN, Optional.of(List.of()), Optional.empty(), Optional.empty()),
                Reason.INVALID_SETTINGS);
        school.settings.update(
                ADMIN,
                Optional.of(LockerSettings.fromTexts(LockerModel.DEFAULT_DOCUMENT_TYPES)),
                Optional.empty(),
                Optional.of(false));
    }

    @Test
    void securityEventsShouldJoinTheSameTrail() {
        new SecurityAudit(school.platform, school.clock)
                .record(SecurityAudit.SIGN_IN_LOCKED, "some\none", "5 failures");

        assertThat(school.audit.entries(AuditFilter.all()))
                .contains(new AuditEntry(school.clock.instant(), "SIGN_IN_LOCKED", "some?one", "", "", "5 failures"));
    }

    @Test
    void theCsvExportShouldHaveAHeaderAndDefuseFormulas() throws IOException {
        Deposited deposited = school.deposit(T_ONE, request("user:s.staff"), "=cmd.txt");
        StringWriter csv = new StringWriter();

        school.audit.writeCsv(csv, AuditFilter.all());

        String[] lines = csv.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("at,action,actor,depositId,document,detail");
        assertThat(csv.toString())
                .contains(",DEPOSITED,t.one," + deposited.depositId() + ",'=cmd.txt,")
                .doesNotContain(",=cmd.txt");
    }

    @Test
    void theTrailShouldBeFilteredByPersonActionAndDates() {
        Instant firstDay = school.clock.instant();
        Deposited first = school.deposit(T_ONE, request("user:s.staff"), "first.txt");
        school.read(STAFF, first.id());
        school.clock.advance(Duration.ofDays(1));
        Instant secondDay = school.clock.instant();
        Deposited second = school.deposit(STAFF, request("user:t.one"), "second.txt");
        school.read(T_ONE, second.id());
        school.clock.advance(Duration.ofDays(1));
        AuditFilter bothDays = AuditFilter.all().between(Optional.of(firstDay), Optional.of(school.clock.instant()));

        assertThat(school.audit.entries(bothDays.withActor("s.staff")))
                .extracting(AuditEntry::action, AuditEntry::documentName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("OPENED", "first.txt"),
                        org.assertj.core.groups.Tuple.tuple("DEPOSITED", "second.txt"));
        assertThat(school.audit.entries(bothDays.withAction(AuditAction.DEPOSITED.name())))
                .extracting(AuditEntry::documentName)
                .containsExactly("first.txt", "second.txt");
        assertThat(school.audit.entries(AuditFilter.all()
                        .withAction(AuditAction.DEPOSITED.name())
                        .between(Optional.of(secondDay), Optional.empty())))
                .extracting(AuditEntry::documentName)
                .containsExactly("second.txt");
        assertThat(school.audit.entries(
                        AuditFilter.all().withActor("t.one").between(Optional.of(firstDay), Optional.of(secondDay))))
                .extracting(AuditEntry::action, AuditEntry::documentName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DEPOSITED", "first.txt"));
        assertThat(school.audit.entries(bothDays.withActor("nobody"))).isEmpty();
    }
}
