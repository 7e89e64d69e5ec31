package org.locker.service.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.DemoSchoolTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each profile learns about other people, endpoint by endpoint and field by field: families (guardians and
 * students) see a name, a profile and the classes they share with the person, never an e-mail address, a phone
 * number or another family's children; the establishment sees its directory.
 */
class PersonalDataIT extends DemoSchoolTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** All a family may see of someone else. */
    private static final Set<String> PUBLIC_FIELDS = Set.of("id", "profile", "displayName", "classes");

    /** A viewer, whether they are a family, and the classes that place people for them. */
    record Viewer(String id, boolean family, Set<String> classes) {}

    private static final List<Viewer> VIEWERS = List.of(
            new Viewer("r.sophie.martin", true, Set.of("6A")), // guardian, delegate of 6A
            new Viewer("r.stephane.martin", true, Set.of("6A")), // guardian
            new Viewer("r.sophie.morel", true, Set.of("5B")), // guardian, delegate of 5B
            new Viewer("e.emma.martin", true, Set.of("6A")), // student
            new Viewer("t.girard", false, Set.of()),
            new Viewer("p.benali", false, Set.of()),
            new Viewer("c.barbier", false, Set.of()),
            new Viewer("principal", false, Set.of()));

    /** Every endpoint that returns people. */
    private static final List<String> ENDPOINTS = List.of(
            "/api/v1/lockers/candidates?category=teacher",
            "/api/v1/lockers/candidates?category=staff",
            "/api/v1/lockers/candidates?category=counselor",
            "/api/v1/lockers/candidates?category=team",
            "/api/v1/lockers/candidates?category=guardian",
            "/api/v1/discussions/contacts",
            "/api/v1/directory/persons?profile=teacher",
            "/api/v1/directory/persons?profile=guardian",
            "/api/v1/directory/classes/6A",
            "/api/v1/directory/classes/6A/team",
            "/api/v1/directory/persons/t.girard",
            "/api/v1/directory/students/e.emma.martin/guardians");

    @Test
    void shouldShowFamiliesOnlyNamesProfilesAndSharedClasses() {
        List<String> checked = new ArrayList<>();
        for (Viewer viewer : VIEWERS) {
            for (String endpoint : ENDPOINTS) {
                Response response = api().get(endpoint, viewer.id());
                assertThat(response.status())
                        .as(viewer.id() + " " + endpoint + ": " + response.body())
                        .isIn(200, 403);
                if (response.status() != 200) {
                    continue;
                }
                List<Map<String, Object>> persons = persons(JSON.readValue(response.body(), Object.class));
                if (!viewer.family()) {
                    continue;
                }
                assertThat(response.body()).as(viewer.id() + " " + endpoint).doesNotContain("@");
                for (Map<String, Object> person : persons) {
                    String where = viewer.id() + " " + endpoint + " " + person;
                    assertThat(PUBLIC_FIELDS).as(where).containsAll(person.keySet());
                    assertThat(person).as(where).containsKeys("id", "profile", "displayName");
                    @SuppressWarnings("unchecked")
                    List<String> classes = (List<String>) person.getOrDefault("classes", List.of());
                    assertThat(viewer.classes()).as(where).containsAll(classes);
                    checked.add(where);
                }
            }
        }
        assertThat(checked).as("families were shown people at all").hasSizeGreaterThan(20);
    }

    @Test
    void shouldLetEachProfileReachExactlyItsEndpoints() {
        // families never read the directory; students have no locker to deposit from
        for (Viewer viewer : VIEWERS) {
            boolean student = viewer.id().startsWith("e.");
            assertThat(api().get("/api/v1/directory/persons?profile=teacher", viewer.id())
                            .status())
                    .as(viewer.id())
                    .isEqualTo(viewer.family() ? 403 : 200);
            assertThat(api().get("/api/v1/lockers/candidates?category=teacher", viewer.id())
                            .status())
                    .as(viewer.id())
                    .isEqualTo(student ? 403 : 200);
            assertThat(api().get("/api/v1/lockers/candidates?category=guardian", viewer.id())
                            .status())
                    .as(viewer.id())
                    .isEqualTo(viewer.family() ? 403 : 200);
            assertThat(api().get("/api/v1/discussions/contacts", viewer.id()).status())
                    .as(viewer.id())
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldPlaceTeachersInTheClassesOfTheGuardiansChildren() {
        // t.girard teaches 6A and 5B: each family sees the class of its own child only
        assertThat(teacher("r.sophie.martin", "t.girard")).containsEntry("classes", List.of("6A"));
        assertThat(teacher("r.sophie.morel", "t.girard")).containsEntry("classes", List.of("5B"));
        assertThat(teacher("r.sophie.morel", "t.rey")).containsEntry("classes", List.of());
        Map<String, Object> establishment = teacher("t.colin", "t.girard");
        assertThat(establishment)
                .containsEntry("classes", List.of("6A", "5B"))
                .containsEntry("email", "paul.girard@college-demo.fr");
    }

    @Test
    void shouldOfferGuardiansOnlyTheTeamsOfTheirChildrensClasses() {
        Map<String, Object> teams = api().get("/api/v1/lockers/candidates?category=team", "r.sophie.martin")
                .json();
        assertThat(selectors(teams)).containsExactly("team:6A");
        Map<String, Object> teacher = api().get("/api/v1/lockers/candidates?category=teacher", "r.sophie.martin")
                .json();
        assertThat(teacher.get("wholeCategory"))
                .as("guardians never deposit to a whole category")
                .isNull();
        assertThat(selectors(api().get("/api/v1/lockers/candidates?category=team", "t.girard")
                        .json()))
                .containsExactly("team:5B", "team:6A");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> selectors(Map<String, Object> candidates) {
        return ((List<Map<String, Object>>) candidates.get("byClass"))
                .stream().map(g -> g.get("selector")).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> teacher(String viewer, String teacher) {
        Map<String, Object> candidates =
                api().get("/api/v1/lockers/candidates?category=teacher", viewer).json();
        return ((List<Map<String, Object>>) candidates.get("persons"))
                .stream().filter(p -> teacher.equals(p.get("id"))).findFirst().orElseThrow();
    }

    /** Every object of a JSON document that is a person (it has a display name). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> persons(Object json) {
        List<Map<String, Object>> found = new ArrayList<>();
        if (json instanceof Map<?, ?> map) {
            if (map.containsKey("displayName")) {
                found.add((Map<String, Object>) map);
            }
            map.values().forEach(v -> found.addAll(persons(v)));
        } else if (json instanceof List<?> list) {
            list.forEach(v -> found.addAll(persons(v)));
        }
        return found;
    }
}
