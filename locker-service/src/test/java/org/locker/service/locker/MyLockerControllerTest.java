package org.locker.service.locker;

import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.Profile;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;
import org.locker.service.security.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The recipient's endpoints over a test double of the engine, with the service's security. */
@WebMvcTest(MyLockerController.class)
@Import({WebSlice.class, EstablishmentDates.class, LockerRefusalAdvice.class})
class MyLockerControllerTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Lockers lockers;

    @MockitoBean
    FileInspector inspector;

    @Test
    void shouldListMyLockerAsJson() throws Exception {
        when(lockers.lockerPage(eq(UserId.of("t.one")), any(), eq(Optional.empty()), eq(50)))
                .thenReturn(new Lockers.LockerPage(
                        List.of(new Lockers.LockerEntry(
                                NodeId.of("n1"),
                                "d1",
                                "report.pdf",
                                "CIRCULAR",
                                "read me",
                                "t.two",
                                MONDAY,
                                "1.0",
                                false,
                                true,
                                "application/pdf",
                                42,
                                Optional.empty(),
                                Optional.of(MONDAY))),
                        Optional.of("c2")));

        mvc.perform(get("/api/v1/lockers/mine").with(WebSlice.as(Profile.TEACHER, "t.one")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].id").value("n1"))
                .andExpect(jsonPath("$.entries[0].depositId").value("d1"))
                .andExpect(jsonPath("$.entries[0].name").value("report.pdf"))
                .andExpect(jsonPath("$.entries[0].documentType").value("CIRCULAR"))
                .andExpect(jsonPath("$.entries[0].depositor").value("t.two"))
                .andExpect(jsonPath("$.entries[0].depositedAt").value("2026-11-23T08:00:00Z"))
                .andExpect(jsonPath("$.entries[0].opened").value(false))
                .andExpect(jsonPath("$.entries[0].canModify").value(true))
                .andExpect(jsonPath("$.entries[0].size").value(42))
                .andExpect(jsonPath("$.entries[0].publishFrom").value(nullValue()))
                .andExpect(jsonPath("$.entries[0].publishTo").value("2026-11-23T08:00:00Z"))
                .andExpect(jsonPath("$.next").value("c2"));
    }

    @Test
    void shouldRefuseAnUnreadableDateFilter() throws Exception {
        mvc.perform(get("/api/v1/lockers/mine").param("from", "yesterday").with(WebSlice.as(Profile.TEACHER, "t.one")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("INVALID_PARAMETER"));
        verifyNoInteractions(lockers);
    }

    @Test
    void shouldAnswerAnEngineRefusalWithItsReason() throws Exception {
        when(lockers.versions(UserId.of("t.one"), NodeId.of("gone")))
                .thenThrow(new LockerRefusal(Reason.UNKNOWN_DOCUMENT, "gone"));

        mvc.perform(get("/api/v1/lockers/documents/gone/versions").with(WebSlice.as(Profile.TEACHER, "t.one")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.reason").value("UNKNOWN_DOCUMENT"))
                .andExpect(jsonPath("$.messages.fr").exists());
    }

    @Test
    void shouldKeepStudentsAndStrangersOutOfLockers() throws Exception {
        mvc.perform(get("/api/v1/lockers/mine").with(WebSlice.as(Profile.STUDENT, "s.one")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("FORBIDDEN_PROFILE"));
        mvc.perform(get("/api/v1/lockers/mine")).andExpect(status().isUnauthorized());
        verifyNoInteractions(lockers);
    }

    @Test
    void shouldTellAGuardianWhetherTheEstablishmentLetsThemDeposit() throws Exception {
        // the rule is the engine's (DepositDocumentTest); the endpoint reports what the engine answers
        Lockers.DepositOptions none = new Lockers.DepositOptions(false, List.of(), false, false, false, false, false);
        when(lockers.depositOptions(Profile.GUARDIAN)).thenReturn(none);
        when(lockers.depositOptions(Profile.STUDENT)).thenReturn(none);
        when(lockers.depositOptions(Profile.STAFF))
                .thenReturn(new Lockers.DepositOptions(
                        true, List.of(Profile.TEACHER, Profile.GUARDIAN), true, true, false, true, true));

        mvc.perform(get("/api/v1/lockers/capabilities").with(WebSlice.as(Profile.GUARDIAN, "g.one")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mayDeposit").value(false));
        mvc.perform(get("/api/v1/lockers/capabilities").with(WebSlice.as(Profile.STUDENT, "s.one")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mayDeposit").value(false));
        mvc.perform(get("/api/v1/lockers/capabilities").with(WebSlice.as(Profile.STAFF, "p.one")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mayDeposit").value(true))
                .andExpect(jsonPath("$.deposit.categories[0]").value("teacher"))
                .andExpect(jsonPath("$.deposit.categories[1]").value("guardian"))
                .andExpect(jsonPath("$.deposit.categories[2]").value("team"))
                .andExpect(jsonPath("$.deposit.standing").value(true))
                .andExpect(jsonPath("$.deposit.allowModify").value(true));
    }

    @Test
    void shouldOfferAGuardianOnlyTheDepositOptionsThatApplyToThem() throws Exception {
        when(lockers.depositOptions(Profile.GUARDIAN))
                .thenReturn(new Lockers.DepositOptions(
                        true, List.of(Profile.TEACHER, Profile.STAFF), false, true, true, false, false));

        mvc.perform(get("/api/v1/lockers/capabilities").with(WebSlice.as(Profile.GUARDIAN, "g.one")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mayDeposit").value(true))
                .andExpect(jsonPath("$.deposit.categories.length()").value(3))
                .andExpect(jsonPath("$.deposit.categories[2]").value("team"))
                .andExpect(jsonPath("$.deposit.wholeCategories").value(false))
                .andExpect(jsonPath("$.deposit.familyClassesOnly").value(true))
                .andExpect(jsonPath("$.deposit.standing").value(false))
                .andExpect(jsonPath("$.deposit.allowModify").value(false));
    }
}
