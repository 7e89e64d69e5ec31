package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * People come with their context, for the establishment: a guardian with their children and the children's classes
 * ("Sophie Martin, guardian of Emma Martin (6A)"), in the recipient dialog, the directory and the contacts. A family
 * never learns another family's children.
 */
class PeopleContextIT extends LockerTestBase {

    private static final Map<String, Object> EMMA = Map.of("displayName", "Emma Martin", "classes", List.of("6A"));

    @Test
    void shouldGiveTheEstablishmentAGuardiansChildrenWithTheirClasses() {
        Map<String, Object> candidates = api().get("/api/v1/lockers/candidates?category=guardian", "t.girard")
                .json();
        assertThat(person(persons(candidates), "r.sophie.martin")).containsEntry("guardianOf", List.of(EMMA));
        // the class groups of the dialog carry the same context
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) candidates.get("byClass");
        Map<String, Object> sixA = groups.stream()
                .filter(g -> "6A".equals(g.get("classCode")))
                .findFirst()
                .orElseThrow();
        assertThat(person(members(sixA), "r.stephane.martin")).containsEntry("guardianOf", List.of(EMMA));

        assertThat(person(
                        api().get("/api/v1/directory/persons?profile=guardian&q=sophie", "principal")
                                .jsonList(),
                        "r.sophie.martin"))
                .containsEntry("guardianOf", List.of(EMMA));
        assertThat(api().get("/api/v1/directory/persons/r.sophie.martin", "principal")
                        .json())
                .containsEntry("guardianOf", List.of(EMMA));
        // a student's class and a teacher's classes, as before
        assertThat(api().get("/api/v1/directory/persons/e.emma.martin", "principal")
                        .json())
                .containsEntry("classes", List.of("6A"))
                .containsEntry("guardianOf", List.of());
    }

    @Test
    void shouldGiveTheEstablishmentsContactsTheirContextAndFamiliesNoChildren() {
        List<Map<String, Object>> contacts =
                api().get("/api/v1/discussions/contacts", "principal").jsonList();
        assertThat(person(contacts, "r.sophie.martin")).containsEntry("guardianOf", List.of(EMMA));
        assertThat(person(contacts, "t.girard")).containsEntry("classes", List.of("6A", "5B"));
        assertThat(person(contacts, "e.emma.martin")).containsEntry("classes", List.of("6A"));

        for (String family : List.of("r.sophie.martin", "e.emma.martin")) {
            List<Map<String, Object>> seen =
                    api().get("/api/v1/discussions/contacts", family).jsonList();
            assertThat(seen).as(family).isNotEmpty();
            assertThat(seen).as(family).allSatisfy(c -> assertThat(c).doesNotContainKey("guardianOf"));
        }
        List<Map<String, Object>> teachers =
                persons(api().get("/api/v1/lockers/candidates?category=teacher", "r.sophie.martin")
                        .json());
        assertThat(person(teachers, "t.girard")).containsEntry("classes", List.of("6A"));
        assertThat(teachers).allSatisfy(c -> assertThat(c).doesNotContainKey("guardianOf"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> persons(Map<String, Object> candidates) {
        return (List<Map<String, Object>>) candidates.get("persons");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> members(Map<String, Object> group) {
        return (List<Map<String, Object>>) group.get("members");
    }

    private static Map<String, Object> person(List<Map<String, Object>> persons, String id) {
        return persons.stream()
                .filter(p -> id.equals(p.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + persons));
    }
}
