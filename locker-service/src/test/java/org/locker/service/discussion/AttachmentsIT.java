package org.locker.service.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.Profile;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.UserId;
import org.locker.service.support.ApiClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/** A message may carry a document of its author's locker; only the discussion's participants can read it. */
class AttachmentsIT extends DiscussionTest {

    private static final String PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

    @Autowired
    Lockers lockers;

    /** Deposits a document into one user's locker and returns its id. */
    private String depositFor(String recipient, String name) {
        Lockers.PreparedDeposit prepared = lockers.prepare(
                UserId.of("p.benali"),
                Profile.STAFF,
                new DepositRequest(
                        "CIRCULAR",
                        "",
                        List.of("user:" + recipient),
                        false,
                        false,
                        Optional.empty(),
                        Optional.empty()));
        return lockers.deposit(
                        prepared,
                        List.of(new Lockers.DepositFile(
                                name,
                                new ContentSource(
                                        new ByteArrayInputStream(PDF.getBytes(StandardCharsets.US_ASCII)),
                                        "application/pdf"))))
                .get(0)
                .id()
                .value();
    }

    @Test
    void shouldShareALockerDocumentWithTheParticipantsOnly() {
        String document = depositFor("t.girard", "sortie-scolaire.pdf");
        String discussion = startOk("t.girard", "Sortie scolaire", "r.nathalie.bernard");

        Response posted = post(
                "/api/v1/discussions/" + discussion + "/messages",
                "t.girard",
                Map.of("text", "Voici l'autorisation", "attachment", document));

        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.json().get("attachment"))
                .isEqualTo(Map.of("name", "sortie-scolaire.pdf", "mimeType", "application/pdf", "size", PDF.length()));
        String message = String.valueOf(posted.json().get("id"));
        String path = "/api/v1/discussions/" + discussion + "/messages/" + message + "/attachment";

        Response download = get(path, "r.nathalie.bernard");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(get(path, "r.sophie.martin").status())
                .as("not a participant")
                .isEqualTo(404);
        assertThat(messages(get("/api/v1/discussions/" + discussion, "r.nathalie.bernard")
                        .json()))
                .anySatisfy(m -> assertThat(m.get("attachment")).isNotNull());
    }

    @Test
    void shouldRefuseToAttachADocumentTheAuthorCannotRead() {
        String someoneElses = depositFor("t.rey", "bulletin.pdf");
        String discussion = startOk("t.girard", "Bulletin", "r.nathalie.bernard");

        Response posted = post(
                "/api/v1/discussions/" + discussion + "/messages",
                "t.girard",
                Map.of("text", "Voici", "attachment", someoneElses));

        assertThat(posted.status()).isEqualTo(404);
        assertThat(posted.reason()).isEqualTo("UNKNOWN_ATTACHMENT");
        assertThat(messages(get("/api/v1/discussions/" + discussion, "t.girard").json()))
                .as("nothing stored")
                .hasSize(1);
    }
}
