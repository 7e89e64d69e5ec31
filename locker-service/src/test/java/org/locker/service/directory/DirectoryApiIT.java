package org.locker.service.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.DemoSchoolTest;

class DirectoryApiIT extends DemoSchoolTest {

    @Test
    void shouldListTheDemoClassesWithTheirSizes() {
        Response classes = api().get("/api/v1/directory/classes", "principal");

        assertThat(classes.status()).isEqualTo(200);
        List<Map<String, Object>> list = classes.jsonList();
        assertThat(list).extracting(c -> c.get("code")).containsExactly("5B", "6A");
        Map<String, Object> sixthA = list.get(1);
        assertThat(sixthA)
                .containsEntry("name", "Sixième A")
                .containsEntry("students", 20)
                .containsEntry("team", 6)
                .containsEntry("delegates", 1);
        assertThat((Integer) sixthA.get("guardians")).isBetween(20, 40);
    }

    @Test
    void shouldShowAClassWithItsStructure() {
        Map<String, Object> detail =
                api().get("/api/v1/directory/classes/6A", "t.girard").json();

        assertThat(detail).containsEntry("code", "6A");
        assertThat(names(detail.get("team")))
                .containsExactlyInAnyOrder("t.girard", "t.lemoine", "t.rey", "t.colin", "p.benali", "p.perret");
        assertThat(names(detail.get("delegates"))).containsExactly("r.sophie.martin");
        assertThat(names(detail.get("students"))).hasSize(20).contains("e.emma.martin");
    }

    @Test
    void shouldListATeamAndAStudentsGuardians() {
        assertThat(names(api().get("/api/v1/directory/classes/5B/team", "c.barbier")
                        .jsonList()))
                .containsExactlyInAnyOrder("t.girard", "t.carpentier", "t.marchand", "t.colin", "p.benali");
        assertThat(names(api().get("/api/v1/directory/students/e.emma.martin/guardians", "p.benali")
                        .jsonList()))
                .containsExactlyInAnyOrder("r.sophie.martin", "r.stephane.martin");
    }

    @Test
    void shouldSearchPersonsOfAProfile() {
        assertThat(api().get("/api/v1/directory/persons?profile=teacher", "t.rey")
                        .jsonList())
                .hasSize(6);
        assertThat(names(api().get("/api/v1/directory/persons?profile=teacher&q=GIR", "t.rey")
                        .jsonList()))
                .containsExactly("t.girard");
        assertThat(api().get("/api/v1/directory/persons?profile=guardian", "t.rey")
                        .jsonList())
                .hasSize(70);
        assertThat(api().get("/api/v1/directory/persons?profile=wizard", "t.rey")
                        .reason())
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void shouldAnswerUnknownThingsWithNotFound() {
        Response unknownClass = api().get("/api/v1/directory/classes/4C", "principal");
        assertThat(unknownClass.status()).isEqualTo(404);
        assertThat(unknownClass.reason()).isEqualTo("UNKNOWN_CLASS");

        assertThat(api().get("/api/v1/directory/classes/..%2F..", "principal").status())
                .isIn(400, 404);
        assertThat(api().get("/api/v1/directory/persons/nobody", "principal").reason())
                .isEqualTo("UNKNOWN_PERSON");
        assertThat(api().get("/api/v1/directory/students/t.girard/guardians", "principal")
                        .reason())
                .isEqualTo("NOT_A_STUDENT");
    }

    @Test
    void shouldExplainARefusalInTheCallersLanguage() {
        Response french = api().get("/api/v1/directory/classes", "e.emma.martin", "fr-FR");

        assertThat(french.status()).isEqualTo(403);
        assertThat(french.reason()).isEqualTo("FORBIDDEN_PROFILE");
        assertThat(french.json().get("detail")).isEqualTo("Votre profil ne permet pas cette action.");
        assertThat(french.json().get("messages"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("en", "fr");
    }

    static Stream<Arguments> directoryAccess() {
        List<String> endpoints = List.of(
                "/api/v1/directory/classes",
                "/api/v1/directory/classes/6A",
                "/api/v1/directory/classes/6A/team",
                "/api/v1/directory/persons?profile=student",
                "/api/v1/directory/persons/e.emma.martin",
                "/api/v1/directory/students/e.emma.martin/guardians");
        Map<String, Boolean> users = Map.of(
                "principal",
                true,
                "t.girard",
                true,
                "p.masson",
                true,
                "c.barbier",
                true,
                "r.sophie.martin",
                false,
                "r.stephane.martin",
                false,
                "e.emma.martin",
                false);
        return endpoints.stream()
                .flatMap(endpoint ->
                        users.entrySet().stream().map(user -> Arguments.of(user.getKey(), endpoint, user.getValue())));
    }

    @ParameterizedTest(name = "{0} GET {1} allowed={2}")
    @MethodSource("directoryAccess")
    void shouldOpenTheDirectoryToTheEstablishmentOnly(String user, String endpoint, boolean allowed) {
        Response response = api().get(endpoint, user);

        assertThat(response.status()).isEqualTo(allowed ? 200 : 403);
        if (!allowed) {
            assertThat(response.reason()).isEqualTo("FORBIDDEN_PROFILE");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(Object persons) {
        return ((List<Map<String, Object>>) persons)
                .stream().map(p -> p.get("id")).toList();
    }
}
