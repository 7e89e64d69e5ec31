package org.locker.service.locker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.ClassGroup;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers;
import org.locker.service.directory.PeopleInContext;
import org.locker.service.directory.PersonSummary;
import org.locker.service.directory.PublicPersonView;
import org.locker.service.problem.LockerProblemException;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The recipient dialog of a deposit: who may be chosen, by category, searchable, grouped by class. */
@RestController
@RequestMapping("/api/v1/lockers")
@Tag(name = "lockers", description = "Digital lockers: deposits, versions, distributions, read receipts, audit")
class CandidatesController {

    private final SchoolDirectory directory;
    private final Lockers lockers;
    private final PeopleInContext people;

    CandidatesController(SchoolDirectory directory, Lockers lockers, PeopleInContext people) {
        this.directory = directory;
        this.lockers = lockers;
        this.people = people;
    }

    record CandidateGroup(String selector, String classCode, String className, List<? extends PersonSummary> members) {}

    /**
     * @param wholeCategory the selector of the whole category, for the establishment (guardians deposit to the
     *                      people they choose, never to a whole category)
     * @param persons       the establishment sees {@link org.locker.service.directory.PersonView}s; guardians see {@link PublicPersonView}s
     */
    record Candidates(
            String category,
            String wholeCategory,
            List<? extends PersonSummary> persons,
            List<CandidateGroup> byClass) {}

    @GetMapping("/candidates")
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(
            summary =
                    "Candidates for the recipient dialog of a category (teacher, staff, counselor, guardian, "
                            + "team), searchable, grouped by class where that applies; selectors to send in 'recipients'. "
                            + "Guardians get the personnel only, with the classes of their children, and the teams of those classes")
    Candidates candidates(
            @AuthenticationPrincipal LockerUser user,
            @RequestParam String category,
            @RequestParam(defaultValue = "") String q) {
        boolean guardian = user.profile() == Profile.GUARDIAN;
        // a guardian sees people in the context of their children's classes only
        Optional<Set<ClassCode>> family =
                guardian ? Optional.of(directory.familyClasses(user.userId())) : Optional.empty();
        PeopleInContext.Batch views = people.batch();
        if (category.equals("team")) {
            return new Candidates("team", null, List.of(), classGroups(ClassGroup.TEAM, q, family, views));
        }
        Profile profile = Profile.fromCode(category)
                .filter(p -> p.isPersonnel() || p == Profile.GUARDIAN)
                .orElseThrow(() -> new LockerProblemException(
                        HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "category=" + category));
        if (!lockers.mayDepositTo(user.profile(), profile)) {
            throw new LockerRefusal(Reason.CATEGORY_NOT_ALLOWED, category);
        }
        List<? extends PersonSummary> persons = views(directory.search(profile, q, 5_000), family, views);
        List<CandidateGroup> groups = profile == Profile.GUARDIAN
                ? classGroups(ClassGroup.GUARDIANS, q, family, views)
                : profile == Profile.TEACHER || profile == Profile.STAFF
                        ? classGroups(ClassGroup.TEAM, q, family, views).stream()
                                .map(g -> new CandidateGroup(
                                        null,
                                        g.classCode(),
                                        g.className(),
                                        g.members().stream()
                                                .filter(m -> m.profile().equals(profile.code()))
                                                .toList()))
                                .filter(g -> !g.members().isEmpty())
                                .toList()
                        : List.of();
        return new Candidates(profile.code(), guardian ? null : "category:" + profile.code(), persons, groups);
    }

    /** Families see people as {@link PublicPersonView}s; the establishment sees guardians with their children. */
    private static List<? extends PersonSummary> views(
            List<Person> persons, Optional<Set<ClassCode>> family, PeopleInContext.Batch views) {
        return family.<List<? extends PersonSummary>>map(classes -> persons.stream()
                        .map(p -> PublicPersonView.of(p, classes))
                        .toList())
                .orElseGet(() -> views.views(persons));
    }

    /** The groups of each class (only the family's classes when {@code family} is given). */
    private List<CandidateGroup> classGroups(
            ClassGroup kind, String q, Optional<Set<ClassCode>> family, PeopleInContext.Batch views) {
        String term = q.toLowerCase(Locale.ROOT);
        List<CandidateGroup> groups = new ArrayList<>();
        for (SchoolDirectory.ClassSummary summary : directory.classes()) {
            if (family.isPresent()
                    && !family.get().contains(summary.schoolClass().code())) {
                continue;
            }
            directory.classDetail(summary.schoolClass().code()).ifPresent(detail -> {
                List<Person> members = kind == ClassGroup.TEAM ? detail.team() : detail.guardians();
                List<Person> matching = members.stream()
                        .filter(p -> term.isEmpty()
                                || p.displayName().toLowerCase(Locale.ROOT).contains(term)
                                || p.id().value().contains(term)
                                || detail.schoolClass()
                                        .name()
                                        .toLowerCase(Locale.ROOT)
                                        .contains(term))
                        .toList();
                String code = detail.schoolClass().code().value();
                groups.add(new CandidateGroup(
                        (kind == ClassGroup.TEAM ? "team:" : "guardians:") + code,
                        code,
                        detail.schoolClass().name(),
                        views(matching, family, views)));
            });
        }
        return groups;
    }
}
