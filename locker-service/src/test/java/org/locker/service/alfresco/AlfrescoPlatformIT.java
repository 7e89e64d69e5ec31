package org.locker.service.alfresco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.alfresco.FakeAlfresco;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.directory.Profile;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.service.support.ApiClient;
import org.locker.service.support.ServiceTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on {@code locker.platform=alfresco}, against a stateful fake Alfresco over HTTP (the
 * binding's test fixture, which refuses properties the content model does not declare): sign-in with an
 * Alfresco password, sign-in with the Alfresco ticket Share's proxy forwards, a deposit read back by its
 * recipient through their own ticket, and the guardians' site kept at start-up.
 */
class AlfrescoPlatformIT extends ServiceTestBase {

    private static final String PASSWORD = "Secret-1";
    private static final String SCHOOL =
            "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of,password\n"
                    + "class,6A,Sixième A,,,,,,,,\n"
                    + "person,t.one,,teacher,Tina,One,t.one@school.fr,6A,,," + PASSWORD + "\n"
                    + "person,t.two,,teacher,Tom,Two,t.two@school.fr,6A,,," + PASSWORD + "\n"
                    + "person,s.one,,student,Sam,One,,6A,,," + PASSWORD + "\n"
                    + "person,adm.one,,administrator,Ada,Admin,,,,," + PASSWORD + "\n";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The service account: an Alfresco administrator of its own, as an installation would create one. */
    private static final String SERVICE_USER = "svc.locker";

    private static final String SERVICE_PASSWORD = "Service-Secret-1";
    private static final FakeAlfresco ALFRESCO = new FakeAlfresco();

    static {
        ALFRESCO.addPerson(SERVICE_USER, SERVICE_PASSWORD, true);
        ALFRESCO.addPerson("guest", "guest", false);
    }

    @Autowired
    DirectoryImport directoryImport;

    @Autowired
    org.locker.alfresco.AlfrescoPlatform platform;

    @DynamicPropertySource
    static void alfresco(DynamicPropertyRegistry registry) {
        registry.add("locker.platform", () -> "alfresco");
        registry.add("locker.alfresco.url", () -> ALFRESCO.baseUrl().toString());
        registry.add("locker.alfresco.user", () -> SERVICE_USER);
        registry.add("locker.alfresco.password", () -> SERVICE_PASSWORD);
    }

    @AfterAll
    static void stopAlfresco() {
        ALFRESCO.close();
    }

    @BeforeEach
    void school() {
        assertThat(directoryImport.run(new StringReader(SCHOOL), false).valid()).isTrue();
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
        assertThat(get("/api/v1/directory/classes?alf_ticket=" + ticket("s.one"))
                        .statusCode())
                .as("the ticket's user keeps their profile's limits")
                .isEqualTo(403);
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
        HttpResponse<String> deposit = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + "/api/v1/lockers/deposits?alf_ticket=" + ticket("t.one")))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(201);

        HttpResponse<String> locker = get("/api/v1/lockers/mine?alf_ticket=" + ticket("t.two"));
        assertThat(locker.statusCode()).isEqualTo(200);
        assertThat(locker.body()).contains("note.pdf");
        assertThat(get("/api/v1/lockers/mine?alf_ticket=" + ticket("t.one")).body())
                .as("the depositor is not a recipient")
                .doesNotContain("note.pdf");
    }

    /**
     * Alfresco keeps one ticket per user: the ticket the service got when the person signed in on its form ends when
     * they sign out of Share, are disabled, or stay idle for an hour. The service then asks them to sign in again (a
     * 401 problem the web app turns into "sign in again"), not an error page, and forgets the ended session.
     */
    @Test
    void shouldAskToSignInAgainWhenTheTicketTheServiceHeldEnded() throws Exception {
        BrowserSession browser = new BrowserSession(port);
        browser.signIn("t.one", PASSWORD);
        assertThat(browser.get("/api/v1/lockers/mine").statusCode()).isEqualTo(200);

        ALFRESCO.endTicketsOf("t.one"); // signed out of Share
        HttpResponse<String> ended = browser.get("/api/v1/lockers/mine");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(401);
        assertThat(ended.body()).contains("\"reason\":\"SIGN_IN_AGAIN\"");
        assertThat(ended.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(browser.get("/api/v1/me").statusCode())
                .as("the ended session is forgotten")
                .isEqualTo(401);

        browser.signIn("t.one", PASSWORD);
        assertThat(browser.get("/api/v1/lockers/mine").statusCode())
                .as("signed in again")
                .isEqualTo(200);
    }

    /** Disabling a user in Alfresco ends their ticket too. */
    @Test
    void shouldAskToSignInAgainWhenTheUserWasDisabled() throws Exception {
        BrowserSession browser = new BrowserSession(port);
        browser.signIn("t.two", PASSWORD);
        assertThat(browser.get("/api/v1/lockers/mine").statusCode()).isEqualTo(200);
        HttpResponse<String> disabled = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ALFRESCO.baseUrl()
                                        + "/alfresco/api/-default-/public/alfresco/versions/1/people/t.two"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString(
                                                                (FakeAlfresco.ADMIN + ":" + FakeAlfresco.ADMIN_PASSWORD)
                                                                        .getBytes()))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        try {
            HttpResponse<String> refused = browser.get("/api/v1/lockers/mine");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("\"reason\":\"SIGN_IN_AGAIN\"");
        } finally {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(ALFRESCO.baseUrl()
                                            + "/alfresco/api/-default-/public/alfresco/versions/1/people/t.two"))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + java.util.Base64.getEncoder()
                                                            .encodeToString((FakeAlfresco.ADMIN + ":"
                                                                            + FakeAlfresco.ADMIN_PASSWORD)
                                                                    .getBytes()))
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":true}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * The service account signs in on every call (Basic): when its user's ticket ends (an administrator signing out
     * of Share as the same account), the service's own work goes on.
     */
    @Test
    void shouldKeepWorkingAsTheServiceAccountWhenItsTicketEnded() throws Exception {
        ticket("t.one");
        ALFRESCO.endTicketsOf(FakeAlfresco.ADMIN);
        assertThat(directoryImport.run(new StringReader(SCHOOL), false).valid()).isTrue();
        HttpResponse<String> me = get("/api/v1/me?alf_ticket=" + ticket("t.one"));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    }

    /** A browser: the service's sign-in form, its session cookie and its CSRF cookie. */
    private static final class BrowserSession {
        private final int port;
        private final java.net.CookieManager cookies = new java.net.CookieManager();
        private final HttpClient http;

        BrowserSession(int port) {
            this.port = port;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
        }

        void signIn(String user, String password) throws Exception {
            String page = get("/login").body();
            java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                    .matcher(page);
            assertThat(csrf.find()).isTrue();
            String form = "username=" + user + "&password=" + password + "&_csrf="
                    + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(uri("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    @Test
    void shouldMakeAPersonCreatedInAlfrescoWithAProfileAUserWhoReceivesStandingDeposits() throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\nCIRCULAR\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"recipients\"\r\n\r\ncategory:staff\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"standing\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"staff-memo.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nTo every member of staff, now and later.\r\n--" + boundary
                + "--\r\n";
        HttpResponse<String> deposit = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + "/api/v1/lockers/deposits?alf_ticket=" + ticket("t.one")))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(201);

        // an administrator creates a person in Alfresco itself, with a profile; the service was not told
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ALFRESCO.baseUrl()
                                        + "/alfresco/api/-default-/public/alfresco/versions/1/people"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString(
                                                                (FakeAlfresco.ADMIN + ":" + FakeAlfresco.ADMIN_PASSWORD)
                                                                        .getBytes()))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                        "id",
                                        "p.direct",
                                        "firstName",
                                        "Dina",
                                        "lastName",
                                        "Direct",
                                        "email",
                                        "dina@school.fr",
                                        "password",
                                        PASSWORD,
                                        "properties",
                                        Map.of("lk:profile", "staff")))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        platform.reconcile(); // as at start-up and every locker.alfresco.reconcile.interval

        ApiClient.Response me = api().withPassword("/api/v1/me", "p.direct", PASSWORD);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json()).containsEntry("id", "p.direct").containsEntry("profile", "staff");
        assertThat(get("/api/v1/lockers/mine?alf_ticket=" + ticket("p.direct")).body())
                .contains("staff-memo.txt");
    }

    @Test
    void shouldAnswerNotFoundForAHostileDocumentIdWithoutAskingAlfresco() throws Exception {
        String ticket = ticket("t.one");
        for (String hostile : java.util.List.of("-root-", "-my-", "x..y", "_")) {
            long before = ALFRESCO.calls().stream()
                    .filter(c -> c.contains("/nodes/" + hostile))
                    .count();
            assertThat(get("/api/v1/lockers/documents/" + hostile + "/content?alf_ticket=" + ticket)
                            .statusCode())
                    .as(hostile)
                    .isEqualTo(404);
            assertThat(ALFRESCO.calls().stream()
                            .filter(c -> c.contains("/nodes/" + hostile))
                            .count())
                    .as("no call to Alfresco with " + hostile)
                    .isEqualTo(before);
        }
    }

    @Test
    void shouldKeepThePrivateGuardiansSiteWithTheProfileGroupsFromStartUp() {
        assertThat(ALFRESCO.siteVisibility("locker-guardians")).contains("PRIVATE");
        assertThat(ALFRESCO.siteGroupRoles("locker-guardians"))
                .as("profile groups created before the start-up" + " reconcile")
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "GROUP_locker-profile-guardian", "SiteConsumer",
                        "GROUP_locker-profile-teacher", "SiteCollaborator",
                        "GROUP_locker-profile-staff", "SiteCollaborator",
                        "GROUP_locker-profile-counselor", "SiteCollaborator"));
    }

    @Test
    void shouldRefuseAnImportNamingAlfrescosOwnAccountsOrTheServiceAccount() {
        String refused = SCHOOL + "person,t.new,,teacher,Nina,New,,6A,,," + PASSWORD + "\n"
                + "person,admin,,administrator,Ad,Min,,,,,\n"
                + "person,Guest,,staff,Gue,St,,,,,\n"
                + "person,System,,administrator,Sys,Tem,,,,,\n"
                + "person," + SERVICE_USER + ",,teacher,Ser,Vice,,,,,\n";

        ApiClient.Response response =
                api().postWithPassword("/api/v1/directory/import", "adm.one", PASSWORD, "text/csv", refused);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.reason()).isEqualTo("INVALID_IMPORT_FILE");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems =
                (List<Map<String, Object>>) response.json().get("problems");
        assertThat(problems)
                .extracting(p -> p.get("line"), p -> p.get("code"))
                .containsExactly(
                        tuple(8, "RESERVED_ID"),
                        tuple(9, "RESERVED_ID"),
                        tuple(10, "RESERVED_ID"),
                        tuple(11, "RESERVED_ID"));
        try (PlatformSession system = platform.systemSession()) {
            assertThat(system.findUser(UserId.of("t.new")))
                    .as("nothing applied")
                    .isEmpty();
        }
    }

    @Test
    void shouldNeverSignInAlfrescosOwnAccountsEvenWithAProfileWrittenByOtherMeans() throws Exception {
        Map<String, String> passwords = Map.of(
                FakeAlfresco.ADMIN, FakeAlfresco.ADMIN_PASSWORD, "guest", "guest", SERVICE_USER, SERVICE_PASSWORD);
        for (String id : passwords.keySet()) {
            try (PlatformSession system = platform.systemSession()) {
                system.updateUser(new NewUser(
                        UserId.of(id),
                        id,
                        id,
                        null,
                        null,
                        Map.of(DirectoryProperties.PROFILE, Profile.ADMINISTRATOR.code())));
                system.addMember(Profile.ADMINISTRATOR.group(), UserId.of(id));
                system.save();
            }
        }
        try {
            for (Map.Entry<String, String> account : passwords.entrySet()) {
                String id = account.getKey();
                assertThat(api().withPassword("/api/v1/me", id, account.getValue())
                                .status())
                        .as(id + " with its right password")
                        .isEqualTo(401);
                assertThat(get("/api/v1/me?alf_ticket=" + ticket(id, account.getValue()))
                                .statusCode())
                        .as(id + " with its Alfresco ticket")
                        .isEqualTo(401);
                assertThat(api().withPassword("/api/v1/directory/persons/" + id, "t.one", PASSWORD)
                                .status())
                        .as(id + " in the directory")
                        .isEqualTo(404);
            }
        } finally {
            for (String id : passwords.keySet()) {
                try (PlatformSession system = platform.systemSession()) {
                    Map<String, Object> none = new java.util.HashMap<>();
                    none.put(DirectoryProperties.PROFILE, null);
                    system.updateUser(new NewUser(UserId.of(id), id, id, null, null, none));
                    system.removeMember(Profile.ADMINISTRATOR.group(), UserId.of(id));
                    system.save();
                }
            }
        }
    }

    /** A ticket as Share holds one: issued by Alfresco's authentication API. */
    private static String ticket(String user) throws Exception {
        return ticket(user, PASSWORD);
    }

    private static String ticket(String user, String password) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ALFRESCO.baseUrl()
                                        + "/alfresco/api/-default-/public/authentication/versions/1/tickets"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        JSON.writeValueAsString(Map.of("userId", user, "password", password))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Map<?, ?> entry = (Map<?, ?>) JSON.readValue(response.body(), Map.class).get("entry");
        return String.valueOf(entry.get("id"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
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
