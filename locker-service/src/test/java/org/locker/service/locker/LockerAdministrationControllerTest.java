package org.locker.service.locker;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.Profile;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.UserId;
import org.locker.service.security.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The administrator's endpoints over test doubles of the engine and the reconciler, with the service's security. */
@WebMvcTest(LockerAdministrationController.class)
@Import({WebSlice.class, LockerRefusalAdvice.class})
class LockerAdministrationControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Lockers lockers;

    @MockitoBean
    WindowReconciler reconciler;

    @Test
    void shouldShowAndChangeTheSettings() throws Exception {
        when(lockers.settings()).thenReturn(new Lockers.Settings(List.of("CIRCULAR", "REPORT"), true, false));
        when(lockers.updateSettings(
                        eq(UserId.of("adm.one")), eq(Optional.empty()), eq(Optional.of(false)), eq(Optional.empty())))
                .thenReturn(new Lockers.Settings(List.of("CIRCULAR"), false, false));

        mvc.perform(get("/api/v1/lockers/settings").with(WebSlice.as(Profile.ADMINISTRATOR, "adm.one")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentTypes").value(Matchers.contains("CIRCULAR", "REPORT")))
                .andExpect(jsonPath("$.guardianExchange").value(true))
                .andExpect(jsonPath("$.macroEnabledDocuments").value(false));
        mvc.perform(put("/api/v1/lockers/settings")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"guardianExchange\":false}")
                        .with(WebSlice.as(Profile.ADMINISTRATOR, "adm.one")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.guardianExchange").value(false));
    }

    @Test
    void shouldRefuseSettingsTheEngineRefuses() throws Exception {
        when(lockers.updateSettings(any(), any(), any(), any()))
                .thenThrow(new LockerRefusal(Reason.INVALID_SETTINGS, "documentTypes"));

        mvc.perform(put("/api/v1/lockers/settings")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documentTypes\":[]}")
                        .with(WebSlice.as(Profile.ADMINISTRATOR, "adm.one")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("INVALID_SETTINGS"));
    }

    @Test
    void shouldReconcileWindows() throws Exception {
        // the audit trail (JSON and CSV) is AuditController's, tested over HTTP (DepositIT, AuditTrailIT)
        when(reconciler.run()).thenReturn(new Lockers.ReconcileReport(2, 1, Optional.empty()));

        mvc.perform(post("/api/v1/lockers/windows/reconcile").with(WebSlice.as(Profile.ADMINISTRATOR, "adm.one")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.opened").value(2))
                .andExpect(jsonPath("$.closed").value(1));
    }

    @Test
    void shouldKeepEveryoneButAdministratorsOut() throws Exception {
        for (Profile profile :
                List.of(Profile.TEACHER, Profile.STAFF, Profile.COUNSELOR, Profile.GUARDIAN, Profile.STUDENT)) {
            mvc.perform(get("/api/v1/lockers/settings").with(WebSlice.as(profile, "someone")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.reason").value("FORBIDDEN_PROFILE"));
        }
        mvc.perform(post("/api/v1/lockers/windows/reconcile")).andExpect(status().isUnauthorized());
        verifyNoInteractions(lockers, reconciler);
    }
}
