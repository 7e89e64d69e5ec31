package org.locker.core.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.discussion.DiscussionSettings;
import org.locker.core.notification.Notification;
import org.locker.core.notification.NotificationKind;
import org.locker.core.platform.UserId;

/** When mails may leave, when digests are due, and how a guardian's digest is grouped: pure rules of decision 0022. */
class MailSchedulingTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static Instant paris(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 12, day, hour, minute, 0, 0, PARIS).toInstant();
    }

    @Test
    void shouldHoldMailOutsideTheWindowUntilItOpens() {
        MailHours hours = new MailHours(
                DiscussionSettings.defaults(), Profile.GUARDIAN, MailPreferences.defaults(Profile.GUARDIAN));
        assertThat(hours.allows(paris(1, 21, 0))).isFalse();
        assertThat(hours.nextOpening(paris(1, 21, 0))).isEqualTo(paris(2, 7, 0));
        assertThat(hours.allows(paris(2, 7, 0))).isTrue();
        assertThat(hours.allows(paris(2, 19, 59))).isTrue();
        assertThat(hours.allows(paris(2, 20, 0))).isFalse();
        assertThat(new MailHours(
                                DiscussionSettings.defaults().withoutWindow(),
                                Profile.GUARDIAN,
                                MailPreferences.defaults(Profile.GUARDIAN))
                        .allows(paris(1, 23, 0)))
                .as("no window enforced")
                .isTrue();
    }

    @Test
    void shouldApplyATeachersDisconnectionHoursInsideTheWindowAndOnlyForTeachers() {
        MailPreferences own = MailPreferences.defaults(Profile.TEACHER)
                .withDisconnection(new MailPreferences.Hours(LocalTime.of(8, 0), LocalTime.of(17, 0)));
        MailHours teacher = new MailHours(DiscussionSettings.defaults(), Profile.TEACHER, own);
        assertThat(teacher.allows(paris(1, 7, 30))).isFalse();
        assertThat(teacher.nextOpening(paris(1, 7, 30))).isEqualTo(paris(1, 8, 0));
        assertThat(teacher.allows(paris(1, 17, 30))).isFalse();
        assertThat(teacher.nextOpening(paris(1, 17, 30))).isEqualTo(paris(2, 8, 0));
        assertThat(new MailHours(DiscussionSettings.defaults(), Profile.STAFF, own).allows(paris(1, 7, 30)))
                .isTrue();
    }

    @Test
    void shouldDueADigestAtTheFirstDigestTimeAfterItsOldestNotification() {
        LocalTime six = LocalTime.of(18, 0);
        assertThat(DigestSlots.daily(paris(1, 10, 0), six, PARIS)).isEqualTo(paris(1, 18, 0));
        assertThat(DigestSlots.daily(paris(1, 18, 0), six, PARIS)).isEqualTo(paris(1, 18, 0));
        assertThat(DigestSlots.daily(paris(1, 19, 0), six, PARIS)).isEqualTo(paris(2, 18, 0));
        // 2026-12-01 is a Tuesday
        assertThat(DigestSlots.weekly(paris(1, 10, 0), DayOfWeek.FRIDAY, LocalTime.of(17, 0), PARIS))
                .isEqualTo(paris(4, 17, 0));
        assertThat(DigestSlots.weekly(paris(4, 17, 30), DayOfWeek.FRIDAY, LocalTime.of(17, 0), PARIS))
                .isEqualTo(paris(11, 17, 0));
    }

    @Test
    void shouldGroupAGuardiansDigestPerChildByStudentThenByClass() {
        Person emma = student("e.emma", "Emma", "6A");
        Person lucas = student("e.lucas", "Lucas", "5B");
        Person guardian = new Person(
                UserId.of("r.claire"),
                Profile.GUARDIAN,
                "Claire",
                "Martin",
                "claire@example.org",
                List.of(),
                List.of(emma.id(), lucas.id()),
                List.of());
        Map<UserId, Person> directory = Map.of(emma.id(), emma, lucas.id(), lucas);
        List<Notification> items = List.of(
                notification("1", NotificationKind.DOCUMENT, Set.of("e.emma"), Set.of()),
                notification("2", NotificationKind.DOCUMENT, Set.of(), Set.of("6A")),
                notification("3", NotificationKind.REPLY, Set.of("e.lucas"), Set.of()),
                notification("4", NotificationKind.BROADCAST, Set.of(), Set.of("4C")));

        List<DigestGroup> groups =
                DigestComposition.groups(guardian, items, id -> Optional.ofNullable(directory.get(id)));

        assertThat(groups).extracting(DigestGroup::heading).containsExactly("Emma (6A)", "Lucas (5B)", "");
        assertThat(groups.get(0).items()).extracting(Notification::id).containsExactly("1", "2");
        assertThat(groups.get(1).items()).extracting(Notification::id).containsExactly("3");
        assertThat(groups.get(2).items()).extracting(Notification::id).containsExactly("4");

        String text = new MailTexts("https://locker.example/")
                .digest(guardian, "en", MailChannel.DAILY, groups)
                .text();
        assertThat(text)
                .contains("Emma (6A): 2 documents", "Lucas (5B): 1 reply", "For you: 1 information")
                .contains("https://locker.example/#/item/1");
    }

    private static Person student(String id, String first, String code) {
        return new Person(
                UserId.of(id),
                Profile.STUDENT,
                first,
                "Martin",
                "",
                List.of(new ClassCode(code)),
                List.of(),
                List.of());
    }

    private static Notification notification(
            String id, NotificationKind kind, Set<String> students, Set<String> classes) {
        return new Notification(
                id,
                kind,
                paris(1, 10, 0),
                List.of(UserId.of("r.claire")),
                "title " + id,
                "Paul Girard",
                "#/item/" + id,
                students,
                classes);
    }
}
