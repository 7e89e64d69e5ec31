package org.locker.service.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.platform.UserId;
import org.locker.service.problem.LockerProblemException;
import org.locker.service.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The establishment's directory, readable by its teachers, staff, counselors and administrators. */
@RestController
@RequestMapping("/api/v1/directory")
@PreAuthorize(Roles.ESTABLISHMENT)
@Tag(name = "directory", description = "Classes, pedagogical teams, students, guardians and delegates")
class DirectoryController {

    private final SchoolDirectory directory;

    private final PeopleInContext people;

    DirectoryController(SchoolDirectory directory, PeopleInContext people) {
        this.directory = directory;
        this.people = people;
    }

    record ClassSummaryView(String code, String name, int students, int team, int guardians, int delegates) {}

    record ClassDetailView(
            String code,
            String name,
            List<PersonView> students,
            List<PersonView> team,
            List<PersonView> guardians,
            List<PersonView> delegates) {}

    @GetMapping("/classes")
    @Operation(summary = "The classes of the establishment, with the size of each of their groups")
    List<ClassSummaryView> classes() {
        return directory.classes().stream()
                .map(c -> new ClassSummaryView(
                        c.schoolClass().code().value(),
                        c.schoolClass().name(),
                        c.students(),
                        c.team(),
                        c.guardians(),
                        c.delegates()))
                .toList();
    }

    @GetMapping("/classes/{code}")
    @Operation(summary = "A class with its students, pedagogical team, guardians and delegates")
    ClassDetailView classDetail(@PathVariable String code) {
        ClassCode classCode = classCode(code);
        return directory
                .classDetail(classCode)
                .map(d -> new ClassDetailView(
                        d.schoolClass().code().value(),
                        d.schoolClass().name(),
                        views(d.students()),
                        views(d.team()),
                        views(d.guardians()),
                        views(d.delegates())))
                .orElseThrow(() -> unknownClass(code));
    }

    @GetMapping("/classes/{code}/team")
    @Operation(summary = "The pedagogical team of a class: its teachers and staff")
    List<PersonView> team(@PathVariable String code) {
        ClassCode classCode = classCode(code);
        return directory.classDetail(classCode).map(d -> views(d.team())).orElseThrow(() -> unknownClass(code));
    }

    @GetMapping("/persons")
    @Operation(summary = "Persons of a profile, searchable by name or id")
    List<PersonView> persons(
            @RequestParam String profile,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "200") int limit) {
        Profile wanted = Profile.fromCode(profile)
                .orElseThrow(() ->
                        new LockerProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "profile=" + profile));
        if (limit < 1 || limit > 5_000) {
            throw new LockerProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "limit=" + limit);
        }
        return views(directory.search(wanted, q, limit));
    }

    @GetMapping("/persons/{id}")
    @Operation(summary = "One person of the establishment")
    PersonView person(@PathVariable String id) {
        return people.view(findPerson(id));
    }

    @GetMapping("/students/{id}/guardians")
    @Operation(summary = "The guardians of a student")
    List<PersonView> guardians(@PathVariable String id) {
        Person student = findPerson(id);
        if (student.profile() != Profile.STUDENT) {
            throw new LockerProblemException(HttpStatus.NOT_FOUND, "NOT_A_STUDENT", id);
        }
        return views(directory.guardiansOf(student.id()));
    }

    private Person findPerson(String id) {
        if (!UserId.isValid(id)) {
            throw new LockerProblemException(HttpStatus.NOT_FOUND, "UNKNOWN_PERSON", id);
        }
        return directory
                .person(UserId.of(id))
                .orElseThrow(() -> new LockerProblemException(HttpStatus.NOT_FOUND, "UNKNOWN_PERSON", id));
    }

    private static ClassCode classCode(String code) {
        if (!ClassCode.isValid(code)) {
            throw unknownClass(code);
        }
        return ClassCode.of(code);
    }

    private static LockerProblemException unknownClass(String code) {
        return new LockerProblemException(HttpStatus.NOT_FOUND, "UNKNOWN_CLASS", code);
    }

    private List<PersonView> views(List<Person> persons) {
        return people.views(persons);
    }
}
