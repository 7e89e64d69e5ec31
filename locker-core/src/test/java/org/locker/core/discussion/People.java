package org.locker.core.discussion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.locker.core.directory.Profile;
import org.locker.core.platform.UserId;

/** Test data: users with sensible defaults, and instants in Paris. */
final class People {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Thursday in term time, well inside the window. */
    static final Instant NOON = paris(2026, 1, 15, 12, 0);

    private People() {}

    static Participant teacher(String id) {
        return Participant.of(UserId.of(id), Profile.TEACHER);
    }

    static Participant teacherAccepting(String id, ContactCategory... accepted) {
        Set<ContactCategory> set = accepted.length == 0 ? Set.of() : EnumSet.of(accepted[0], accepted);
        return Participant.teacher(UserId.of(id), set);
    }

    static Participant staff(String id) {
        return Participant.of(UserId.of(id), Profile.STAFF);
    }

    static Participant counselor(String id) {
        return Participant.of(UserId.of(id), Profile.COUNSELOR);
    }

    static Participant administrator(String id) {
        return Participant.of(UserId.of(id), Profile.ADMINISTRATOR);
    }

    static Participant student(String id) {
        return Participant.of(UserId.of(id), Profile.STUDENT);
    }

    /** A guardian of a child in {@code classCode}, not a delegate, with guardian messaging on. */
    static Participant parentOf(String id, String classCode) {
        return Participant.guardian(UserId.of(id), Set.of(classCode), Set.of(), true);
    }

    /** A delegate guardian of {@code classCode} (with a child there), with guardian messaging on. */
    static Participant delegateOf(String id, String classCode) {
        return Participant.guardian(UserId.of(id), Set.of(classCode), Set.of(classCode), true);
    }

    static Participant withoutGuardianMessaging(Participant guardian) {
        return Participant.guardian(guardian.id(), guardian.childrenClasses(), guardian.delegateClasses(), false);
    }

    static Instant paris(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute), PARIS)
                .toInstant();
    }

    static DiscussionRules rules() {
        return new DiscussionRules(DiscussionSettings.defaults());
    }

    static DiscussionRules rules(DiscussionSettings settings) {
        return new DiscussionRules(settings);
    }
}
