package org.locker.service.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.alfresco.FakeAlfresco;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.service.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on {@code locker.platform=alfresco}, against a stateful fake Alfresco over HTTP (the
 * binding's test fixture, which refuses properties the content model does not declare): sign-in with an
 * Alfresco password, sign-in with the Alfresco ticket Share's proxy forwards, a deposit read back by its
 * recipient through their own ticket, and the guardians' site kept at start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlfrescoPlatformIT {

    private static final String PASSWORD = "Secret-1";
    private static final String SCHOOL =
            "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of,password\n"
                    + "class,6A,Sixième A,,,,,,,,\n"
                    + "person,t.one,,teacher,Tina,One,t.one@school.fr,6A,,," + PASSWORD + "\n"
                    + "person,t.two,,teacher,Tom,Two,t.two@school.fr,6A,,," + PASSWORD + "\n"
                    + "person,s.one,,student,Sam,One,,6A,,," + PASSWORD + "\n";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FakeAlfresco ALFRESCO = new FakeAlfresco();

    @LocalServerPort
    int port;

    @Autowired
    DirectoryImport directoryImport;

    @Autowired
    org.locker.alfresco.AlfrescoPlatform platform;

    @DynamicPropertySource
    static void alfresco(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("locker-alfresco-it");
        registry.add("locker.platform", () -> "alfresco");
        registry.add("locker.data-directory", data::toString);
        registry.add("locker.alfresco.url", () -> ALFRESCO.baseUrl().toString());
        registry.add("locker.alfresco.user", () -> FakeAlfresco.ADMIN);
        registry.add("locker.alfresco.password", () -> FakeAlfresco.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopAlfresco() {
        ALFRESCO.close();
    }

    @BeforeEach
    void school() {
        assertThat(directoryImport.run(new StringReader(SCHOOL), false).valid()).isTrue();
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void shouldSignInWithTheAlfrescoPassword() {
        ApiClient.Response me = api().withPassword("/api/v1/me", "t.one", PASSWORD);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json()).containsEntry("id", "t.one").containsEntry("profile", "teacher");
        assertThat(api().withPassword("/api/v1/me", "t.one", "wrong").status()).isEqualTo(401);
    }

    @Test
    void shouldSignInWithTheTicketShareForwards() throws Exception {
        String ticket = ticket("t.two");

        HttpResponse<String> me = get("/api/v1/me?alf_ticket=" + ticket);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":\"t.two\"");

        assertThat(get("/api/v1/me?alf_ticket=TICKET_forged").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/directory/classes?alf_ticket=" + ticket("s.one")).statusCode())
                .as("the ticket's user keeps their profile's limits").isEqualTo(403);
    }

    @Test
    void shouldDeliverADepositThroughAlfresco() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n".getBytes();
        String boundary = "b0undary";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\nCIRCULAR\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"recipients\"\r\n\r\nuser:t.two\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        byte[] body = concat(head.getBytes(), pdf, ("\r\n--" + boundary + "--\r\n").getBytes());
        HttpResponse<String> deposit = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/lockers/deposits?alf_ticket=" + ticket("t.one")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(201);

        HttpResponse<String> locker = get("/api/v1/lockers/mine?alf_ticket=" + ticket("t.two"));
        assertThat(locker.statusCode()).isEqualTo(200);
        assertThat(locker.body()).contains("note.pdf");
        assertThat(get("/api/v1/lockers/mine?alf_ticket=" + ticket("t.one")).body())
                .as("the depositor is not a recipient").doesNotContain("note.pdf");
    }

    @Test
    void shouldMakeAPersonCreatedInAlfrescoWithAProfileAUserWhoReceivesStandingDeposits() throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\nCIRCULAR\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"recipients\"\r\n\r\ncategory:staff\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"standing\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"staff-memo.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nTo every member of staff, now and later.\r\n--" + boundary + "--\r\n";
        HttpResponse<String> deposit = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/lockers/deposits?alf_ticket=" + ticket("t.one")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(201);

        // an administrator creates a person in Alfresco itself, with a profile; the service was not told
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        ALFRESCO.baseUrl() + "/alfresco/api/-default-/public/alfresco/versions/1/people"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (FakeAlfresco.ADMIN + ":" + FakeAlfresco.ADMIN_PASSWORD).getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("id", "p.direct",
                        "firstName", "Dina", "lastName", "Direct", "email", "dina@school.fr", "password", PASSWORD,
                        "properties", Map.of("lk:profile", "staff"))))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        platform.reconcile(); // as at start-up and every locker.alfresco.reconcile.interval

        ApiClient.Response me = api().withPassword("/api/v1/me", "p.direct", PASSWORD);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json()).containsEntry("id", "p.direct").containsEntry("profile", "staff");
        assertThat(get("/api/v1/lockers/mine?alf_ticket=" + ticket("p.direct")).body()).contains("staff-memo.txt");
    }

    @Test
    void shouldAnswerNotFoundForAHostileDocumentIdWithoutAskingAlfresco() throws Exception {
        String ticket = ticket("t.one");
        for (String hostile : java.util.List.of("-root-", "-my-", "x..y", "_")) {
            long before = ALFRESCO.calls().stream().filter(c -> c.contains("/nodes/" + hostile)).count();
            assertThat(get("/api/v1/lockers/documents/" + hostile + "/content?alf_ticket=" + ticket).statusCode())
                    .as(hostile).isEqualTo(404);
            assertThat(ALFRESCO.calls().stream().filter(c -> c.contains("/nodes/" + hostile)).count())
                    .as("no call to Alfresco with " + hostile).isEqualTo(before);
        }
    }

    @Test
    void shouldKeepThePrivateGuardiansSiteWithTheProfileGroupsFromStartUp() {
        assertThat(ALFRESCO.siteVisibility("locker-guardians")).contains("PRIVATE");
        assertThat(ALFRESCO.siteGroupRoles("locker-guardians")).as("profile groups created before the start-up"
                + " reconcile").containsExactlyInAnyOrderEntriesOf(Map.of(
                "GROUP_locker-profile-guardian", "SiteConsumer",
                "GROUP_locker-profile-teacher", "SiteCollaborator",
                "GROUP_locker-profile-staff", "SiteCollaborator",
                "GROUP_locker-profile-counselor", "SiteCollaborator"));
    }

    /** A ticket as Share holds one: issued by Alfresco's authentication API. */
    private static String ticket(String user) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        ALFRESCO.baseUrl() + "/alfresco/api/-default-/public/authentication/versions/1/tickets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("userId", user,
                        "password", PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Map<?, ?> entry = (Map<?, ?>) JSON.readValue(response.body(), Map.class).get("entry");
        return String.valueOf(entry.get("id"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
