package org.locker.service.me;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.platform.UserId;
import org.locker.service.security.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** /me tells clients who is personnel, from the profiles' own definition. */
@WebMvcTest(MeController.class)
@Import(WebSlice.class)
class MeControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SchoolDirectory directory;

    @Test
    void shouldSayThatACounselorIsPersonnelAndWhichProfilesAre() throws Exception {
        when(directory.person(UserId.of("c.one")))
                .thenReturn(Optional.of(new Person(
                        UserId.of("c.one"),
                        Profile.COUNSELOR,
                        "Chloé",
                        "One",
                        "c.one@school.fr",
                        List.of(ClassCode.of("6A")),
                        List.of(),
                        List.of())));

        mvc.perform(get("/api/v1/me").with(WebSlice.as(Profile.COUNSELOR, "c.one")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("c.one"))
                .andExpect(jsonPath("$.profile").value("counselor"))
                .andExpect(jsonPath("$.email").value("c.one@school.fr"))
                .andExpect(jsonPath("$.classes[0]").value("6A"))
                .andExpect(jsonPath("$.personnel").value(true))
                .andExpect(jsonPath("$.personnelProfiles")
                        .value(org.hamcrest.Matchers.contains("teacher", "staff", "counselor")));
    }

    @Test
    void shouldSayThatAnAdministratorOrAGuardianIsNotPersonnel() throws Exception {
        for (Profile profile : List.of(Profile.ADMINISTRATOR, Profile.GUARDIAN, Profile.STUDENT)) {
            when(directory.person(UserId.of("x.one")))
                    .thenReturn(Optional.of(new Person(
                            UserId.of("x.one"), profile, "X", "One", null, List.of(), List.of(), List.of())));

            mvc.perform(get("/api/v1/me").with(WebSlice.as(profile, "x.one")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.personnel").value(false));
        }
    }

    @Test
    void shouldAnswerAnUnknownPersonWithAProblem() throws Exception {
        mvc.perform(get("/api/v1/me").with(WebSlice.as(Profile.TEACHER, "ghost")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.reason").value("UNKNOWN_PERSON"));
    }
}
