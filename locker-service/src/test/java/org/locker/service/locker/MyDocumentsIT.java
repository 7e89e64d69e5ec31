package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;

/**
 * "My documents" over HTTP: a teacher keeps documents and folders in their personal space, another person sees none
 * of it, a deposit from it is a copy (a later edit in the space does not reach the recipient), and bad input gets a
 * problem.
 */
@SuppressWarnings("unchecked")
class MyDocumentsIT extends LockerTestBase {

    private static final String MINE = "/api/v1/me/documents";

    private Response upload(String user, String folder, String fileName, String text) {
        Form form = new Form().pdfFile(fileName, text);
        if (folder != null) {
            form.field("folder", folder);
        }
        return send("POST", MINE, user, form);
    }

    private Response createFolder(String user, String parent, String name) {
        Form form = new Form().field("name", name);
        if (parent != null) {
            form.field("folder", parent);
        }
        return send("POST", MINE + "/folders", user, form);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Response listing) {
        return (List<Map<String, Object>>) listing.json().get("entries");
    }

    @Test
    void aTeacherShouldKeepDocumentsInFoldersOfTheirOwnSpace() {
        String folderName = "Maths " + System.nanoTime();
        Response folder = createFolder("t.girard", null, folderName);
        assertThat(folder.status()).as(folder.body()).isEqualTo(201);
        String folderId = String.valueOf(folder.json().get("id"));

        Response uploaded = upload("t.girard", folderId, "exercises.pdf", "exercise 1");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json()).containsEntry("name", "exercises.pdf").containsEntry("folder", false);

        Response top = api().get(MINE, "t.girard");
        assertThat(top.status()).isEqualTo(200);
        assertThat(top.json()).containsEntry("mine", true);
        assertThat(entries(top)).extracting(e -> e.get("name")).contains(folderName);

        Response inside = api().get(MINE + "?folder=" + folderId, "t.girard");
        assertThat(inside.status()).isEqualTo(200);
        assertThat(entries(inside)).extracting(e -> e.get("name")).containsExactly("exercises.pdf");
        assertThat((List<Map<String, Object>>) inside.json().get("breadcrumb"))
                .extracting(c -> c.get("name"))
                .containsExactly("", folderName);

        // another person neither sees nor writes into it
        assertThat(api().get(MINE + "?folder=" + folderId, "t.lemoine").status())
                .isEqualTo(404);
        assertThat(upload("t.lemoine", folderId, "intruder.pdf", "not yours").status())
                .isEqualTo(404);
        assertThat(delete(MINE + "/" + uploaded.json().get("id"), "t.lemoine").status())
                .isEqualTo(404);
        assertThat(entries(api().get(MINE, "t.lemoine")))
                .extracting(e -> e.get("name"))
                .doesNotContain(folderName);

        assertThat(delete(MINE + "/" + uploaded.json().get("id"), "t.girard").status())
                .isEqualTo(204);
        assertThat(entries(api().get(MINE + "?folder=" + folderId, "t.girard"))).isEmpty();
    }

    @Test
    void aDepositFromMyDocumentsShouldBeACopyThatALaterEditDoesNotChange() {
        String name = "planning-" + System.nanoTime() + ".pdf";
        Response uploaded = upload("t.girard", null, name, "first plan");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String source = String.valueOf(uploaded.json().get("id"));

        Response deposited = deposit(
                "t.girard",
                new Form()
                        .field("fromNode", source)
                        .field("documentType", "TIMETABLE")
                        .field("recipients", "user:t.rey"));
        assertThat(deposited.status()).as(deposited.body()).isEqualTo(201);
        String copy = String.valueOf(deposited.jsonList().get(0).get("id"));
        assertThat(copy).isNotEqualTo(source);

        // a later edit in my documents (the same name again: a new version), then its deletion
        Response edited = upload("t.girard", null, name, "second plan");
        assertThat(edited.status()).isEqualTo(201);
        assertThat(edited.json()).containsEntry("id", source).containsEntry("version", "1.1");
        assertThat(download("t.rey", copy).body()).contains("first plan").doesNotContain("second plan");
        assertThat(delete(MINE + "/" + source, "t.girard").status()).isEqualTo(204);
        assertThat(download("t.rey", copy).body()).contains("first plan");
    }

    @Test
    void severalDocumentsOfMyDocumentsShouldBeDepositedTogetherOrNotAtAll() {
        String stamp = String.valueOf(System.nanoTime());
        String first = String.valueOf(upload("t.girard", null, "week-" + stamp + ".pdf", "week plan")
                .json()
                .get("id"));
        String second = String.valueOf(upload("t.girard", null, "menu-" + stamp + ".pdf", "menu")
                .json()
                .get("id"));

        // one refused (its new name is an executable's): nothing stored, the refusal names that document
        Response refused = deposit(
                "t.girard",
                new Form()
                        .field("fromNode", first)
                        .field("fromNode", second)
                        .field("documentType", "TIMETABLE")
                        .field("documentType", "CIRCULAR")
                        .field("name", "")
                        .field("name", "menu-" + stamp + ".vbs")
                        .field("recipients", "user:t.rey"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.reason()).isEqualTo("EXECUTABLE_NAME");
        assertThat(refused.json()).containsEntry("fileIndex", 1).containsEntry("file", "menu-" + stamp + ".pdf");
        assertThat(String.valueOf(((Map<String, Object>) refused.json().get("messages")).get("en")))
                .contains("menu-" + stamp + ".pdf");
        assertThat(locker("t.rey")).extracting(d -> d.get("name")).doesNotContain("week-" + stamp + ".pdf");

        // both, each with its own type and name
        Response deposited = deposit(
                "t.girard",
                new Form()
                        .field("fromNode", first)
                        .field("fromNode", second)
                        .field("documentType", "TIMETABLE")
                        .field("documentType", "CIRCULAR")
                        .field("name", "")
                        .field("name", "canteen-" + stamp + ".pdf")
                        .field("recipients", "user:t.rey"));
        assertThat(deposited.status()).as(deposited.body()).isEqualTo(201);
        assertThat(deposited.jsonList())
                .extracting(d -> d.get("name"))
                .containsExactly("week-" + stamp + ".pdf", "canteen-" + stamp + ".pdf");
        Map<String, Object> week = inLocker(
                        "t.rey", String.valueOf(deposited.jsonList().get(0).get("id")))
                .orElseThrow();
        Map<String, Object> canteen = inLocker(
                        "t.rey", String.valueOf(deposited.jsonList().get(1).get("id")))
                .orElseThrow();
        assertThat(week).containsEntry("documentType", "TIMETABLE");
        assertThat(canteen).containsEntry("documentType", "CIRCULAR");
        assertThat(download("t.rey", String.valueOf(canteen.get("id"))).body()).contains("menu");

        // another person cannot deposit my documents
        Response notMine = deposit(
                "t.lemoine",
                new Form()
                        .field("fromNode", first)
                        .field("documentType", "TIMETABLE")
                        .field("recipients", "user:t.rey"));
        assertThat(notMine.status()).isEqualTo(404);
        assertThat(notMine.reason()).isEqualTo("UNKNOWN_DOCUMENT");
    }

    @Test
    void badInputShouldGetAProblem() {
        Response noFile = send("POST", MINE, "t.girard", new Form().field("folder", ""));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json()).containsEntry("reason", "NO_FILE");

        Response executable =
                send("POST", MINE, "t.girard", new Form().file("run.exe", "application/octet-stream", pdf("x")));
        assertThat(executable.status()).isEqualTo(400);
        assertThat(executable.json()).containsEntry("reason", "EXECUTABLE_NAME");

        Response badName = createFolder("t.girard", null, "a/b");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json()).containsEntry("reason", "INVALID_FOLDER_NAME");
        assertThat((Map<String, Object>) badName.json().get("messages")).containsKeys("en", "fr");

        String name = "Twice " + System.nanoTime();
        assertThat(createFolder("t.girard", null, name).status()).isEqualTo(201);
        Response twice = createFolder("t.girard", null, name);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json()).containsEntry("reason", "NAME_TAKEN");

        Response unknown = api().get(MINE + "?folder=no-such-folder", "t.girard");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json()).containsEntry("reason", "NOT_IN_MY_DOCUMENTS");

        String space = String.valueOf(api().get(MINE, "t.girard").json().get("folderId"));
        Response whole = delete(MINE + "/" + space, "t.girard");
        assertThat(whole.status()).isEqualTo(400);
        assertThat(whole.json()).containsEntry("reason", "CANNOT_DELETE_SPACE");

        // guardians and students have no personal space here (decision 0015)
        assertThat(api().get(MINE, "r.stephane.martin").status()).isEqualTo(403);
    }
}
