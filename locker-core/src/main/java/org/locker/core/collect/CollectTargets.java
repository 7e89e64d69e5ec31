package org.locker.core.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.locker.core.collect.CollectRefusal.Reason;
import org.locker.core.collect.CollectRequests.Mode;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.platform.UserId;

/**
 * The targets of a request, from the school directory: the guardians of a class ({@code guardians:6A}), a guardian
 * ({@code user:g.martin}), the students of a class ({@code students:6A}); resolved into slots at publication, so
 * that a family that joined the class since the request was written is asked too.
 */
final class CollectTargets {

    private static final String GUARDIANS = "guardians:";
    private static final String STUDENTS = "students:";
    private static final String USER = "user:";

    /** One expected hand-in: the target, the child it is for (per-child mode), the class it belongs to. */
    record Slot(UserId target, Optional<UserId> child, String classCode) {
        String key() {
            return target.value() + child.map(c -> "|" + c.value()).orElse("");
        }
    }

    private final SchoolDirectory directory;

    CollectTargets(SchoolDirectory directory) {
        this.directory = directory;
    }

    /** Checks the selectors against the mode and the directory; refuses when they resolve to nobody. */
    List<Slot> check(Mode mode, List<String> selectors) {
        if (selectors.isEmpty()) {
            throw new CollectRefusal(Reason.NO_TARGET);
        }
        List<Slot> slots = resolve(mode, selectors);
        if (slots.isEmpty()) {
            throw new CollectRefusal(Reason.NO_TARGET);
        }
        return slots;
    }

    /** The slots the selectors stand for now, each once, in the selectors' order then by name. */
    List<Slot> resolve(Mode mode, List<String> selectors) {
        Map<String, Slot> slots = new LinkedHashMap<>();
        for (String raw : selectors) {
            String selector = raw == null ? "" : raw.strip();
            for (Slot slot : resolveOne(mode, selector)) {
                slots.putIfAbsent(slot.key(), slot);
            }
        }
        return new ArrayList<>(slots.values());
    }

    private List<Slot> resolveOne(Mode mode, String selector) {
        if (selector.startsWith(STUDENTS)) {
            if (!mode.forStudents()) {
                throw new CollectRefusal(Reason.MODE_DOES_NOT_FIT_TARGETS, selector);
            }
            SchoolDirectory.ClassDetail detail = classDetail(selector, selector.substring(STUDENTS.length()));
            String code = detail.schoolClass().code().value();
            return detail.students().stream()
                    .map(s -> new Slot(s.id(), Optional.empty(), code))
                    .toList();
        }
        if (mode.forStudents()) {
            throw new CollectRefusal(Reason.MODE_DOES_NOT_FIT_TARGETS, selector);
        }
        if (selector.startsWith(GUARDIANS)) {
            SchoolDirectory.ClassDetail detail = classDetail(selector, selector.substring(GUARDIANS.length()));
            String code = detail.schoolClass().code().value();
            Set<UserId> students = detail.students().stream().map(Person::id).collect(Collectors.toSet());
            List<Slot> slots = new ArrayList<>();
            for (Person guardian : detail.guardians()) {
                if (mode == Mode.ONE_PER_GUARDIAN) {
                    slots.add(new Slot(guardian.id(), Optional.empty(), code));
                } else {
                    guardian.children().stream()
                            .filter(students::contains)
                            .forEach(child -> slots.add(new Slot(guardian.id(), Optional.of(child), code)));
                }
            }
            return slots;
        }
        if (selector.startsWith(USER)) {
            String id = selector.substring(USER.length());
            Person guardian = (UserId.isValid(id) ? directory.person(UserId.of(id)) : Optional.<Person>empty())
                    .filter(p -> p.profile() == Profile.GUARDIAN)
                    .orElseThrow(() -> new CollectRefusal(Reason.UNKNOWN_TARGET, selector));
            List<Slot> slots = new ArrayList<>();
            if (mode == Mode.ONE_PER_GUARDIAN) {
                String code = guardian.children().stream()
                        .map(this::classOf)
                        .flatMap(Optional::stream)
                        .findFirst()
                        .orElse("");
                slots.add(new Slot(guardian.id(), Optional.empty(), code));
            } else {
                for (UserId child : guardian.children()) {
                    slots.add(new Slot(
                            guardian.id(), Optional.of(child), classOf(child).orElse("")));
                }
            }
            return slots;
        }
        throw new CollectRefusal(Reason.UNKNOWN_TARGET, selector);
    }

    private Optional<String> classOf(UserId student) {
        return directory
                .person(student)
                .flatMap(p -> p.classes().stream().findFirst())
                .map(ClassCode::value);
    }

    private SchoolDirectory.ClassDetail classDetail(String selector, String code) {
        if (!ClassCode.isValid(code)) {
            throw new CollectRefusal(Reason.UNKNOWN_TARGET, selector);
        }
        return directory
                .classDetail(ClassCode.of(code))
                .orElseThrow(() -> new CollectRefusal(Reason.UNKNOWN_TARGET, selector));
    }

    /** Whether every one of {@code staff} is personnel. */
    void checkStaff(List<UserId> staff) {
        for (UserId member : staff) {
            if (directory.person(member).filter(p -> p.profile().isPersonnel()).isEmpty()) {
                throw new CollectRefusal(Reason.INVALID_STAFF, member.value());
            }
        }
    }
}
