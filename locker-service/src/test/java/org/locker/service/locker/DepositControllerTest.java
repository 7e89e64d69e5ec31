package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.Profile;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;
import org.locker.service.security.WebSlice;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Depositing over a test double of the engine and the real file inspection, with the service's security. */
@WebMvcTest(DepositController.class)
@Import({WebSlice.class, EstablishmentDates.class, LockerRefusalAdvice.class, DepositControllerTest.Inspection.class})
class DepositControllerTest {

    private static final MockMultipartFile PDF = new MockMultipartFile(
            "file",
            "minutes.pdf",
            "application/pdf",
            "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.UTF_8));

    @TestConfiguration(proxyBeanMethods = false)
    static class Inspection {
        @Bean
        FileInspector fileInspector(Lockers lockers) {
            return new FileInspector(1024 * 1024, () -> lockers.settings().macroEnabledDocuments());
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Lockers lockers;

    @Test
    void shouldDepositAnUploadAndAnswerWithTheDocuments() throws Exception {
        when(lockers.deposit(any(), anyList()))
                .thenReturn(List.of(new Lockers.Deposited(NodeId.of("n1"), "d1", "minutes.pdf", "1.0")));

        mvc.perform(multipart("/api/v1/lockers/deposits")
                        .file(PDF)
                        .param("documentType", "CIRCULAR")
                        .param("recipients", "user:c.one")
                        .param("publishFrom", "2026-12-01")
                        .with(WebSlice.as(Profile.TEACHER, "t.one")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].id").value("n1"))
                .andExpect(jsonPath("$[0].depositId").value("d1"))
                .andExpect(jsonPath("$[0].name").value("minutes.pdf"))
                .andExpect(jsonPath("$[0].version").value("1.0"));

        ArgumentCaptor<DepositRequest> request = ArgumentCaptor.forClass(DepositRequest.class);
        verify(lockers).prepare(eq(UserId.of("t.one")), eq(Profile.TEACHER), request.capture());
        // a date is the start of that day in the establishment's zone (Europe/Paris)
        assertThat(request.getValue().publishFrom()).hasToString("Optional[2026-11-30T23:00:00Z]");
        assertThat(request.getValue().selection()).containsExactly("user:c.one");
    }

    @Test
    void shouldRefuseADepositWithoutAFile() throws Exception {
        mvc.perform(multipart("/api/v1/lockers/deposits")
                        .param("documentType", "CIRCULAR")
                        .with(WebSlice.as(Profile.TEACHER, "t.one")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("NO_FILE"));
    }

    @Test
    void shouldRefuseAnUnreadablePublicationDateBeforeAskingTheEngine() throws Exception {
        mvc.perform(multipart("/api/v1/lockers/deposits")
                        .file(PDF)
                        .param("publishTo", "soon")
                        .with(WebSlice.as(Profile.GUARDIAN, "g.one")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("WINDOW_INVALID"));
        verifyNoInteractions(lockers);
    }

    @Test
    void shouldAskStrangersToSignIn() throws Exception {
        mvc.perform(multipart("/api/v1/lockers/deposits").file(PDF))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.reason").value("UNAUTHENTICATED"));
        verifyNoInteractions(lockers);
    }
}
