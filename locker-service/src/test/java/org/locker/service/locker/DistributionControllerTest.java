package org.locker.service.locker;

import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hamcrest.Matchers;
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

/** The depositor's side over a test double of the engine, with the service's security. */
@WebMvcTest(DistributionController.class)
@Import({WebSlice.class, LockerRefusalAdvice.class})
class DistributionControllerTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Lockers lockers;

    @Test
    void shouldListMyDistributionsWithWhoOpenedThem() throws Exception {
        when(lockers.distributions(UserId.of("t.one"), Optional.empty(), 50, Optional.empty()))
                .thenReturn(new Lockers.DistributionPage(
                        List.of(new Lockers.Distribution(
                                NodeId.of("n1"),
                                "d1",
                                "minutes.pdf",
                                "CIRCULAR",
                                "",
                                MONDAY,
                                List.of("team:6A"),
                                List.of("t.two", "p.one"),
                                false,
                                true,
                                Optional.empty(),
                                Optional.empty(),
                                "NONE",
                                2,
                                false,
                                List.of(
                                        new Lockers.Receipt("t.two", Optional.of(MONDAY), Lockers.Audience.PERSONNEL),
                                        new Lockers.Receipt("p.one", Optional.empty(), Lockers.Audience.PERSONNEL)))),
                        Optional.of("next-page")));

        mvc.perform(get("/api/v1/lockers/distributions").with(WebSlice.as(Profile.TEACHER, "t.one")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("n1"))
                .andExpect(jsonPath("$.items[0].selection").value(Matchers.contains("team:6A")))
                .andExpect(jsonPath("$.items[0].recipients").value(Matchers.contains("t.two", "p.one")))
                .andExpect(jsonPath("$.items[0].allowModify").value(true))
                .andExpect(jsonPath("$.items[0].windowState").value("NONE"))
                .andExpect(jsonPath("$.items[0].versions").value(2))
                .andExpect(jsonPath("$.items[0].receipts[0].user").value("t.two"))
                .andExpect(jsonPath("$.items[0].receipts[0].opened").value(true))
                .andExpect(jsonPath("$.items[0].receipts[0].openedAt").value("2026-11-23T08:00:00Z"))
                .andExpect(jsonPath("$.items[0].receipts[1].opened").value(false))
                .andExpect(jsonPath("$.items[0].openedBy").value(Matchers.contains("t.two")))
                .andExpect(jsonPath("$.items[0].notOpenedBy").value(Matchers.contains("p.one")))
                .andExpect(jsonPath("$.items[0].openedCount").value(1))
                .andExpect(jsonPath("$.items[0].notOpenedCount").value(1))
                .andExpect(jsonPath("$.next").value("next-page"));
    }

    @Test
    void shouldWithdrawMyDepositAndRefuseSomeoneElses() throws Exception {
        mvc.perform(delete("/api/v1/lockers/documents/n1").with(WebSlice.as(Profile.TEACHER, "t.one")))
                .andExpect(status().isNoContent());
        verify(lockers).withdraw(UserId.of("t.one"), NodeId.of("n1"));

        doThrow(new LockerRefusal(Reason.NOT_THE_DEPOSITOR))
                .when(lockers)
                .withdraw(UserId.of("t.two"), NodeId.of("n1"));
        mvc.perform(delete("/api/v1/lockers/documents/n1").with(WebSlice.as(Profile.TEACHER, "t.two")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("NOT_THE_DEPOSITOR"));
    }

    @Test
    void shouldKeepStudentsAndStrangersOut() throws Exception {
        mvc.perform(get("/api/v1/lockers/distributions").with(WebSlice.as(Profile.STUDENT, "s.one")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("FORBIDDEN_PROFILE"));
        mvc.perform(delete("/api/v1/lockers/documents/n1")).andExpect(status().isUnauthorized());
        verifyNoInteractions(lockers);
    }
}
