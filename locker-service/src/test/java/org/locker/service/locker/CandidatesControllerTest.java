package org.locker.service.locker;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.UserId;
import org.locker.service.directory.PeopleInContext;
import org.locker.service.security.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The recipient dialog over a test double of the directory, with the service's security. */
@WebMvcTest(CandidatesController.class)
@Import({WebSlice.class, LockerRefusalAdvice.class, PeopleInContext.class})
class CandidatesControllerTest {

    private static final Person TEACHER = new Person(
            UserId.of("t.one"),
            Profile.TEACHER,
            "Tina",
            "One",
            "t.one@school.fr",
            List.of(ClassCode.of("6A"), ClassCode.of("5B")),
            List.of(),
            List.of());

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SchoolDirectory directory;
    /** The engine answers who may deposit to whom; the controller turns a "no" into a refusal. */
    @MockitoBean
    Lockers lockers;

    @org.junit.jupiter.api.BeforeEach
    void engineRules() {
        when(lockers.mayDepositTo(any(), any())).thenReturn(true);
        when(lockers.mayDepositTo(Profile.GUARDIAN, Profile.GUARDIAN)).thenReturn(false);
    }

    @Test
    void shouldOfferTheEstablishmentPeopleAndTheWholeCategory() throws Exception {
        when(directory.search(eq(Profile.TEACHER), eq("tin"), anyInt())).thenReturn(List.of(TEACHER));

        mvc.perform(get("/api/v1/lockers/candidates")
                        .param("category", "teacher")
                        .param("q", "tin")
                        .with(WebSlice.as(Profile.STAFF, "p.one")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("teacher"))
                .andExpect(jsonPath("$.wholeCategory").value("category:teacher"))
                .andExpect(jsonPath("$.persons[0].id").value("t.one"))
                .andExpect(jsonPath("$.persons[0].email").value("t.one@school.fr"))
                .andExpect(jsonPath("$.byClass").isArray());
    }

    @Test
    void shouldShowAGuardianOnlyPeopleInTheirFamilyClassesWithoutAWholeCategory() throws Exception {
        when(directory.familyClasses(UserId.of("g.one"))).thenReturn(Set.of(ClassCode.of("6A")));
        when(directory.search(eq(Profile.TEACHER), eq(""), anyInt())).thenReturn(List.of(TEACHER));

        mvc.perform(get("/api/v1/lockers/candidates")
                        .param("category", "teacher")
                        .with(WebSlice.as(Profile.GUARDIAN, "g.one")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.wholeCategory").doesNotExist())
                .andExpect(jsonPath("$.persons[0].id").value("t.one"))
                .andExpect(jsonPath("$.persons[0].email").doesNotExist())
                .andExpect(jsonPath("$.persons[0].classes").value(org.hamcrest.Matchers.contains("6A")));
    }

    @Test
    void shouldRefuseACategoryThatIsNotOne() throws Exception {
        mvc.perform(get("/api/v1/lockers/candidates")
                        .param("category", "student")
                        .with(WebSlice.as(Profile.TEACHER, "t.one")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/lockers/candidates")
                        .param("category", "guardian")
                        .with(WebSlice.as(Profile.GUARDIAN, "g.one")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("CATEGORY_NOT_ALLOWED"));
    }

    @Test
    void shouldKeepStudentsOutOfTheRecipientDialog() throws Exception {
        mvc.perform(get("/api/v1/lockers/candidates")
                        .param("category", "teacher")
                        .with(WebSlice.as(Profile.STUDENT, "s.one")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("FORBIDDEN_PROFILE"));
        verifyNoInteractions(directory);
    }
}
