package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.ClassGroup;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.directory.Profile;
import org.locker.core.platform.Access;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;

/** The seed's steps 3 to 9 and its options, end to end through the HTTP API on the demo school. */
@SuppressWarnings("unchecked")
class DepositIT extends LockerTestBase {

    @Test
    void shouldDepositFromTheWorkstationWithTypeRenameAndMemoToIndividualsAndACategory() {
        Response response = deposit(
                "t.girard",
                new Form()
                        .pdfFile("scan-001.pdf", "minutes")
                        .field("documentType", "MEETING_MINUTES")
                        .field("name", "Conseil &amp; '6A'")
                        .field("memo", "Compte rendu <script>alert(1)</script>")
                        .field("recipients", "user:t.rey")
                        .field("recipients", "category:counselor"));

        assertThat(response.status()).isEqualTo(201);
        String id = String.valueOf(response.jsonList().get(0).get("id"));
        Map<String, Object> entry = inLocker("t.rey", id).orElseThrow();
        assertThat(entry)
                .containsEntry("name", "Conseil &amp; '6A'.pdf")
                .containsEntry("documentType", "MEETING_MINUTES")
                .containsEntry("memo", "Compte rendu <script>alert(1)</script>")
                .containsEntry("depositor", "t.girard")
                .containsEntry("version", "1.0")
                .containsEntry("opened", false)
                .containsEntry("canModify", false);
        assertThat(entry.get("depositedAt")).isNotNull();
        assertThat(inLocker("c.barbier", id)).isPresent();
        assertThat(inLocker("t.lemoine", id)).isEmpty();
        assertThat(inLocker("p.benali", id)).isEmpty();
    }

    @Test
    void shouldTakeTheRecipientsAsOneListOfLinesAlongsideTheFields() {
        Response response = deposit(
                "t.girard",
                new Form()
                        .pdfFile("list.pdf", "list")
                        .field("documentType", "COURSE_MATERIAL")
                        .field("recipients", "user:t.rey")
                        .field("recipientList", "user:t.lemoine\r\n\n  category:counselor  \nuser:t.colin\n"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = String.valueOf(response.jsonList().get(0).get("id"));
        assertThat(inLocker("t.rey", id)).isPresent();
        assertThat(inLocker("t.lemoine", id)).isPresent();
        assertThat(inLocker("t.colin", id)).isPresent();
        assertThat(inLocker("c.barbier", id)).as("a counselor").isPresent();
        assertThat(inLocker("t.marchand", id)).isEmpty();
    }

    @Test
    void shouldJudgeTheRecipientsOfTheListAsTheFields() {
        Response unknown = deposit(
                "t.girard",
                new Form()
                        .pdfFile("list.pdf", "list")
                        .field("documentType", "COURSE_MATERIAL")
                        .field("recipientList", "user:t.rey\nuser:nobody.here"));
        Response empty = deposit(
                "t.girard",
                new Form()
                        .pdfFile("list.pdf", "list")
                        .field("documentType", "COURSE_MATERIAL")
                        .field("recipientList", "\n  \n"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.reason()).isEqualTo("UNKNOWN_RECIPIENT");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.reason()).isEqualTo("NO_RECIPIENT");
    }

    @Test
    void shouldStreamTheDownloadAndRecordReadReceiptsAndAudit() {
        String id = depositPdf("t.colin", "receipts.pdf", "user:t.rey", "user:t.lemoine");

        Response download = download("t.rey", id);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pdf");
        assertThat(download.body()).startsWith("%PDF-1.4");
        assertThat(inLocker("t.rey", id).orElseThrow()).containsEntry("opened", true);
        assertThat(inLocker("t.lemoine", id).orElseThrow()).containsEntry("opened", false);

        Map<String, Object> distribution = distribution("t.colin", id);
        assertThat((List<Object>) distribution.get("openedBy")).containsExactly("t.rey");
        assertThat((List<Object>) distribution.get("notOpenedBy")).containsExactly("t.lemoine");
        assertThat(distribution).containsEntry("documentType", "CIRCULAR").containsEntry("versions", 1);

        String depositId = String.valueOf(distribution.get("depositId"));
        List<Map<String, Object>> audit = api().get("/api/v1/lockers/audit?depositId=" + depositId, "principal")
                .jsonList();
        assertThat(audit).extracting(e -> e.get("action")).containsExactly("DEPOSITED", "OPENED");
        Response csv = api().get("/api/v1/lockers/audit.csv", "principal");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("at,action,actor,depositId,document,detail")
                .contains(depositId);
    }

    @Test
    void shouldListNewestFirstAndFilterByTypeAndDepositor() {
        String first = depositPdf("p.benali", "first.pdf", "user:c.barbier");
        String second = depositPdf("t.marchand", "second.pdf", "user:c.barbier");
        download("c.barbier", second);

        // newest first, opened or not (the order of pages, docs/decisions/0016)
        List<Map<String, Object>> all = locker("c.barbier");
        assertThat(indexOf(all, second)).isLessThan(indexOf(all, first));
        assertThat(all.get(indexOf(all, second))).containsEntry("opened", true);
        assertThat(all.get(indexOf(all, first))).containsEntry("opened", false);

        List<Map<String, Object>> byDepositor = locker("c.barbier", "&depositor=t.marchand");
        assertThat(byDepositor).extracting(e -> e.get("id")).contains(second).doesNotContain(first);
        List<Map<String, Object>> byType = locker("c.barbier", "&type=REPORT_CARD");
        assertThat(byType).extracting(e -> e.get("id")).doesNotContain(first, second);
        List<Map<String, Object>> byDate = locker("c.barbier", "&from=2000-01-01&to=2000-12-31");
        assertThat(byDate).isEmpty();
    }

    @Test
    void shouldDepositSeveralFilesAsSeparateDepositsWithTheSameSettings() {
        Response response = deposit(
                "t.girard",
                new Form()
                        .pdfFile("a.pdf", "a")
                        .pdfFile("b.pdf", "b")
                        .field("documentType", "COURSE_MATERIAL")
                        .field("recipients", "user:t.carpentier"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.jsonList()).hasSize(2);
        for (Map<String, Object> deposited : response.jsonList()) {
            assertThat(inLocker("t.carpentier", String.valueOf(deposited.get("id")))
                            .orElseThrow())
                    .containsEntry("documentType", "COURSE_MATERIAL");
        }
    }

    @Test
    void shouldNameAndTypeEachFileOfADepositOnItsOwn() {
        // the wizard's rows: a name and a type per file, in the order of the files (a comma stays in a name)
        Response response = deposit(
                "t.girard",
                new Form()
                        .pdfFile("scan-001.pdf", "outing")
                        .pdfFile("scan-002.pdf", "authorisation")
                        .field("name", "Sortie, musée")
                        .field("name", "Autorisation de sortie")
                        .field("documentType", "CIRCULAR")
                        .field("documentType", "FORM")
                        .field("recipients", "user:t.carpentier"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.jsonList())
                .extracting(d -> d.get("name"))
                .containsExactly("Sortie, musée.pdf", "Autorisation de sortie.pdf");
        Map<String, Object> first = inLocker(
                        "t.carpentier",
                        String.valueOf(response.jsonList().get(0).get("id")))
                .orElseThrow();
        Map<String, Object> second = inLocker(
                        "t.carpentier",
                        String.valueOf(response.jsonList().get(1).get("id")))
                .orElseThrow();
        assertThat(first).containsEntry("name", "Sortie, musée.pdf").containsEntry("documentType", "CIRCULAR");
        assertThat(second).containsEntry("name", "Autorisation de sortie.pdf").containsEntry("documentType", "FORM");

        // a blank name keeps the file's own
        Response oneRenamed = deposit(
                "t.girard",
                new Form()
                        .pdfFile("kept.pdf", "a")
                        .pdfFile("renamed.pdf", "b")
                        .field("name", "")
                        .field("name", "Second")
                        .field("documentType", "CIRCULAR")
                        .field("recipients", "user:t.carpentier"));
        assertThat(oneRenamed.jsonList()).extracting(d -> d.get("name")).containsExactly("kept.pdf", "Second.pdf");
    }

    @Test
    void shouldRefuseNamesOrTypesThatDoNotMatchTheFilesAndStoreNothing() {
        int before = locker("t.carpentier").size();
        Response twoFilesOneName = deposit(
                "t.girard",
                new Form()
                        .pdfFile("a.pdf", "a")
                        .pdfFile("b.pdf", "b")
                        .field("name", "Only one")
                        .field("documentType", "CIRCULAR")
                        .field("recipients", "user:t.carpentier"));
        assertThat(twoFilesOneName.status()).isEqualTo(400);
        assertThat(twoFilesOneName.reason()).isEqualTo("NAME_COUNT_MISMATCH");

        Response threeTypes = deposit(
                "t.girard",
                new Form()
                        .pdfFile("a.pdf", "a")
                        .pdfFile("b.pdf", "b")
                        .field("documentType", "CIRCULAR")
                        .field("documentType", "CIRCULAR")
                        .field("documentType", "CIRCULAR")
                        .field("recipients", "user:t.carpentier"));
        assertThat(threeTypes.status()).isEqualTo(400);
        assertThat(threeTypes.reason()).isEqualTo("TYPE_COUNT_MISMATCH");

        Response unknownSecondType = deposit(
                "t.girard",
                new Form()
                        .pdfFile("a.pdf", "a")
                        .pdfFile("b.pdf", "b")
                        .field("documentType", "CIRCULAR")
                        .field("documentType", "NO_SUCH_TYPE")
                        .field("recipients", "user:t.carpentier"));
        assertThat(unknownSecondType.status()).isEqualTo(400);
        assertThat(unknownSecondType.reason()).isEqualTo("UNKNOWN_DOCUMENT_TYPE");

        // a bad name on the second file: refused with that file named
        Response badSecondName = deposit(
                "t.girard",
                new Form()
                        .pdfFile("first.pdf", "a")
                        .pdfFile("second.pdf", "b")
                        .field("name", "Fine name")
                        .field("name", "bad/name")
                        .field("documentType", "CIRCULAR")
                        .field("recipients", "user:t.carpentier"));
        assertThat(badSecondName.status()).isEqualTo(400);
        Map<String, Object> problem = badSecondName.json();
        assertThat(problem)
                .containsEntry("reason", "INVALID_NAME")
                .containsEntry("file", "second.pdf")
                .containsEntry("fileIndex", 1);
        assertThat(String.valueOf(problem.get("detail"))).startsWith("File second.pdf: ");
        assertThat((Map<String, String>) problem.get("messages"))
                .hasEntrySatisfying("fr", text -> assertThat(text).startsWith("Fichier second.pdf : "));

        assertThat(locker("t.carpentier")).as("nothing stored").hasSize(before);
    }

    @Test
    void shouldCopyADocumentFromTheDepositorsCloud() {
        NodeId source;
        try (PlatformSession system = platform.systemSession()) {
            Node folder = system.ensureFolder("/cloud/t.girard-" + System.nanoTime());
            source = system.createDocument(
                            folder.id(),
                            "planning.pdf",
                            "lk:document",
                            Map.of(),
                            new ContentSource(new java.io.ByteArrayInputStream(pdf("cloud")), "application/pdf"))
                    .id();
            system.grant(source, UserId.of("t.girard"), Access.WRITE);
            system.save();
        }
        Response refused = deposit(
                "t.lemoine",
                new Form()
                        .field("fromNode", source.value())
                        .field("documentType", "TIMETABLE")
                        .field("recipients", "user:t.rey"));
        assertThat(refused.status()).isEqualTo(404);

        Response response = deposit(
                "t.girard",
                new Form()
                        .field("fromNode", source.value())
                        .field("documentType", "TIMETABLE")
                        .field("recipients", "user:t.rey"));
        assertThat(response.status()).isEqualTo(201);
        String id = String.valueOf(response.jsonList().get(0).get("id"));
        assertThat(id).isNotEqualTo(source.value());
        assertThat(inLocker("t.rey", id).orElseThrow()).containsEntry("name", "planning.pdf");
        assertThat(download("t.rey", id).body()).contains("cloud");

        NodeId executable;
        try (PlatformSession system = platform.systemSession()) {
            Node folder = system.ensureFolder("/cloud/t.girard-exe-" + System.nanoTime());
            byte[] mz = new byte[256];
            mz[0] = 'M';
            mz[1] = 'Z';
            executable = system.createDocument(
                            folder.id(),
                            "tool.pdf",
                            "lk:document",
                            Map.of(),
                            new ContentSource(new java.io.ByteArrayInputStream(mz), "application/pdf"))
                    .id();
            system.grant(executable, UserId.of("t.girard"), Access.READ);
            system.save();
        }
        Response refusedType = deposit(
                "t.girard",
                new Form()
                        .field("fromNode", executable.value())
                        .field("documentType", "TIMETABLE")
                        .field("recipients", "user:t.rey"));
        assertThat(refusedType.status()).isEqualTo(400);
        assertThat(refusedType.reason()).isEqualTo("TYPE_NOT_ACCEPTED");
    }

    @Test
    void shouldDeliverAStandingDepositToUsersCreatedLaterButNotASnapshot() {
        String standing = id(deposit(
                "principal",
                new Form()
                        .pdfFile("standing.pdf", "s")
                        .field("documentType", "CIRCULAR")
                        .field("recipients", "category:staff")
                        .field("standing", "true")));
        String snapshot = id(deposit(
                "principal",
                new Form()
                        .pdfFile("snapshot.pdf", "s")
                        .field("documentType", "CIRCULAR")
                        .field("recipients", "category:staff")));
        assertThat(inLocker("p.masson", standing)).isPresent();
        assertThat(inLocker("p.masson", snapshot)).isPresent();

        String newcomer = "p.new" + (System.nanoTime() % 100_000);
        try (PlatformSession system = platform.systemSession()) {
            system.createUser(new NewUser(
                    UserId.of(newcomer),
                    "New",
                    "Staff",
                    "",
                    "demo".toCharArray(),
                    Map.of(DirectoryProperties.PROFILE, Profile.STAFF.code())));
            system.addMember(Profile.STAFF.group(), UserId.of(newcomer));
            system.save();
        }
        assertThat(inLocker(newcomer, standing)).isPresent();
        assertThat(inLocker(newcomer, snapshot)).isEmpty();
    }

    /**
     * Sixty individually selected teachers: checked together and granted through one recipient set on Oak; each of
     * them, and only them, reads the document on the platform, receipts list each, and a withdrawal takes it back.
     */
    @Test
    void shouldDeliverToManyIndividuallySelectedUsersAndWithdrawFromAll() {
        String prefix = "t.many" + (System.nanoTime() % 100_000) + "-";
        Form form = new Form().pdfFile("many.pdf", "many").field("documentType", "CIRCULAR");
        try (PlatformSession system = platform.systemSession()) {
            for (int i = 0; i < 60; i++) {
                UserId teacher = UserId.of(prefix + i);
                system.createUser(new NewUser(
                        teacher,
                        "Many",
                        "Teacher" + i,
                        "",
                        "demo".toCharArray(),
                        Map.of(DirectoryProperties.PROFILE, Profile.TEACHER.code())));
                system.addMember(Profile.TEACHER.group(), teacher);
                form.field("recipients", "user:" + teacher.value());
            }
            system.save();
        }
        Response refused = deposit(
                "principal",
                new Form()
                        .pdfFile("many.pdf", "many")
                        .field("documentType", "CIRCULAR")
                        .fields("recipients", manySelectors(prefix, 59, "user:e.emma.martin")));
        assertThat(refused.status()).as("a student among them").isEqualTo(400);
        assertThat(refused.reason()).isEqualTo("UNKNOWN_RECIPIENT");

        String id = id(deposit("principal", form));
        for (int i : new int[] {0, 31, 59}) {
            assertThat(inLocker(prefix + i, id)).as(prefix + i).isPresent();
            try (PlatformSession asRecipient = platform.sessionAs(UserId.of(prefix + i))) {
                assertThat(asRecipient.findNode(NodeId.of(id))).isPresent();
                assertThat(asRecipient.canWrite(NodeId.of(id))).isFalse();
            }
        }
        assertThat(inLocker("t.lemoine", id)).isEmpty();
        try (PlatformSession outsider = platform.sessionAs(UserId.of("t.lemoine"))) {
            assertThat(outsider.findNode(NodeId.of(id))).isEmpty();
        }
        assertThat(download(prefix + 5, id).status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> receipts =
                (List<Map<String, Object>>) distribution("principal", id).get("receipts");
        assertThat(receipts).hasSize(60);
        assertThat(receipts)
                .filteredOn(r -> r.get("openedAt") != null)
                .extracting(r -> r.get("user"))
                .containsExactly(prefix + 5);

        assertThat(delete("/api/v1/lockers/documents/" + id, "principal").status())
                .isEqualTo(204);
        assertThat(inLocker(prefix + 31, id)).isEmpty();
        try (PlatformSession asRecipient = platform.sessionAs(UserId.of(prefix + 31))) {
            assertThat(asRecipient.findNode(NodeId.of(id))).isEmpty();
        }
    }

    private static List<String> manySelectors(String prefix, int count, String extra) {
        List<String> selectors = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            selectors.add("user:" + prefix + i);
        }
        selectors.add(extra);
        return selectors;
    }

    @Test
    void shouldFollowThePedagogicalTeam() {
        String id = id(deposit(
                "principal",
                new Form()
                        .pdfFile("team.pdf", "t")
                        .field("documentType", "CIRCULAR")
                        .field("recipients", "team:5B")));
        assertThat(inLocker("t.carpentier", id)).isPresent();
        assertThat(inLocker("p.masson", id)).isEmpty();
        download("t.carpentier", id);
        Map<String, Object> receipts = distribution("principal", id);
        assertThat((List<Object>) receipts.get("openedBy")).containsExactly("t.carpentier");
        assertThat((List<Object>) receipts.get("notOpenedBy"))
                .contains("t.girard", "t.marchand", "p.benali")
                .doesNotContain("t.carpentier", "p.masson");

        var team = ClassGroup.TEAM.of(ClassCode.of("5B"));
        try {
            try (PlatformSession system = platform.systemSession()) {
                system.removeMember(team, UserId.of("t.carpentier"));
                system.addMember(team, UserId.of("p.masson"));
                system.save();
            }
            assertThat(inLocker("t.carpentier", id)).isEmpty();
            assertThat(download("t.carpentier", id).status()).isEqualTo(404);
            assertThat(inLocker("p.masson", id)).isPresent();
        } finally {
            try (PlatformSession system = platform.systemSession()) {
                system.addMember(team, UserId.of("t.carpentier"));
                system.removeMember(team, UserId.of("p.masson"));
                system.save();
            }
        }
    }

    @Test
    void shouldLetOnlyRecipientsAllowedToModifyAddVersionsEnforcedByThePlatform() {
        String writable = id(deposit(
                "t.girard",
                new Form()
                        .pdfFile("shared.pdf", "v1")
                        .field("documentType", "FORM")
                        .field("recipients", "user:t.rey")
                        .field("allowModify", "true")));
        String readOnly = depositPdf("t.girard", "readonly.pdf", "user:t.lemoine");
        assertThat(inLocker("t.rey", writable).orElseThrow()).containsEntry("canModify", true);

        Response version = send(
                "POST",
                "/api/v1/lockers/documents/" + writable + "/versions?comment=fixed",
                "t.rey",
                new Form().pdfFile("shared.pdf", "v2 by rey"));
        assertThat(version.status()).isEqualTo(201);
        assertThat(version.json()).containsEntry("label", "1.1").containsEntry("author", "t.rey");
        List<Map<String, Object>> history = api().get("/api/v1/lockers/documents/" + writable + "/versions", "t.girard")
                .jsonList();
        assertThat(history).extracting(v -> v.get("author")).containsExactly("t.girard", "t.rey");
        assertThat(history.get(1)).containsEntry("comment", "fixed");

        Response refused = send(
                "POST",
                "/api/v1/lockers/documents/" + readOnly + "/versions",
                "t.lemoine",
                new Form().pdfFile("readonly.pdf", "hacked"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reason()).isEqualTo("DOCUMENT_READ_ONLY");
        try (PlatformSession asRecipient = platform.sessionAs(UserId.of("t.lemoine"))) {
            assertThat(asRecipient.canWrite(NodeId.of(readOnly))).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> asRecipient.updateContent(
                            NodeId.of(readOnly),
                            new ContentSource(new java.io.ByteArrayInputStream(pdf("x")), "application/pdf"),
                            ""))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(download("t.lemoine", readOnly).body()).doesNotContain("hacked");
    }

    @Test
    void shouldLetTheDepositorUpdateInPlaceForEveryRecipient() {
        String id = depositPdf("p.perret", "timetable.pdf", "user:t.rey", "team:6A");
        Response version = send(
                "POST",
                "/api/v1/lockers/documents/" + id + "/versions",
                "p.perret",
                new Form().pdfFile("timetable.pdf", "updated timetable"));
        assertThat(version.status()).isEqualTo(201);

        assertThat(inLocker("t.rey", id).orElseThrow()).containsEntry("version", "1.1");
        assertThat(inLocker("t.lemoine", id).orElseThrow()).containsEntry("version", "1.1");
        assertThat(download("t.lemoine", id).body()).contains("updated timetable");
        assertThat(distribution("p.perret", id)).containsEntry("versions", 2);
    }

    @Test
    void shouldWithdrawFromEveryLockerAndKeepTheAuditRecord() {
        String id = depositPdf("t.rey", "withdrawn.pdf", "user:t.lemoine", "category:counselor");
        assertThat(delete("/api/v1/lockers/documents/" + id, "t.lemoine").status())
                .isEqualTo(403);

        assertThat(delete("/api/v1/lockers/documents/" + id, "t.rey").status()).isEqualTo(204);

        assertThat(inLocker("t.lemoine", id)).isEmpty();
        assertThat(inLocker("c.barbier", id)).isEmpty();
        assertThat(download("t.lemoine", id).status()).isEqualTo(404);
        try (PlatformSession asRecipient = platform.sessionAs(UserId.of("t.lemoine"))) {
            assertThat(asRecipient.findNode(NodeId.of(id))).isEmpty();
        }
        Map<String, Object> distribution = distribution("t.rey", id);
        assertThat(distribution).containsEntry("withdrawn", true);
        List<Map<String, Object>> audit = api().get(
                        "/api/v1/lockers/audit?depositId=" + distribution.get("depositId"), "principal")
                .jsonList();
        assertThat(audit).extracting(e -> e.get("action")).containsExactly("DEPOSITED", "WITHDRAWN");
    }

    @Test
    void shouldOfferCandidatesPerCategoryGroupedByClass() {
        Map<String, Object> teachers = api().get("/api/v1/lockers/candidates?category=teacher&q=girard", "t.rey")
                .json();
        assertThat((List<Map<String, Object>>) teachers.get("persons"))
                .extracting(p -> p.get("id"))
                .containsExactly("t.girard");
        assertThat(teachers).containsEntry("wholeCategory", "category:teacher");
        Map<String, Object> guardians = api().get("/api/v1/lockers/candidates?category=guardian", "t.rey")
                .json();
        assertThat((List<Map<String, Object>>) guardians.get("byClass"))
                .extracting(g -> g.get("selector"))
                .contains("guardians:6A", "guardians:5B");
        Map<String, Object> teams =
                api().get("/api/v1/lockers/candidates?category=team", "t.rey").json();
        assertThat((List<Map<String, Object>>) teams.get("byClass"))
                .extracting(g -> g.get("selector"))
                .contains("team:6A", "team:5B");
    }

    private static int indexOf(List<Map<String, Object>> entries, String id) {
        for (int i = 0; i < entries.size(); i++) {
            if (id.equals(entries.get(i).get("id"))) {
                return i;
            }
        }
        throw new AssertionError(id + " not listed");
    }

    private Map<String, Object> distribution(String depositor, String id) {
        return api().get("/api/v1/lockers/distributions", depositor).items().stream()
                .filter(d -> id.equals(d.get("id")))
                .findFirst()
                .orElseThrow();
    }

    static String id(Response response) {
        if (response.status() != 201) {
            throw new AssertionError("deposit refused: " + response.status() + " " + response.body());
        }
        return String.valueOf(response.jsonList().get(0).get("id"));
    }

    @SuppressWarnings("unused")
    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
