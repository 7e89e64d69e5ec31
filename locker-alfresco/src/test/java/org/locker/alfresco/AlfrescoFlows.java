package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.discussion.Discussions;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.UserId;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's flows over the Alfresco binding, end to end: a deposit listed, opened and followed by its
 * depositor, a deposit to 22 chosen guardians, a pending window opened by the reconcile, a standing deposit reaching
 * a person an administrator creates in Alfresco afterwards, a discussion and its messages, class sizes. Every id
 * is new to the repository ({@link #school}), so that the flows run again and again on one live repository.
 * {@link AlfrescoLiveFlowsIT} runs them against the Alfresco {@code ALFRESCO_URL} names; {@link AlfrescoFlowsTest}
 * against {@link FakeAlfresco}, without a search index.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AlfrescoFlows {

    static final String PASSWORD = "Flow-Pass-42";
    private static final int GUARDIANS = 22;

    /** The platform under test, with the service's profile settings, and how to call Alfresco as its administrator. */
    protected record Repository(AlfrescoPlatform platform, URI baseUrl, String admin, String adminPassword) {}

    protected abstract Repository open(AlfrescoSettings.Profiles profiles);

    protected Repository repository;
    private final String run = Long.toString(System.currentTimeMillis() % 10_000_000, 36);
    private final MovableClock clock = new MovableClock();
    private Lockers lockers;

    /** The school's clock: a Tuesday, 10:00 in Paris (inside the discussion hours), moved forward by a test. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-10T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Paris");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    /** An id of this run. */
    protected String id(String base) {
        return base + "." + run;
    }

    private UserId user(String base) {
        return UserId.of(id(base));
    }

    @BeforeAll
    void school() {
        Map<String, GroupId> groups = new LinkedHashMap<>();
        for (Profile profile : Profile.values()) {
            groups.put(profile.code(), profile.group());
        }
        repository = open(new AlfrescoSettings.Profiles(DirectoryProperties.PROFILE, groups, Map.of()));
        String klass = "C" + run;
        StringBuilder csv = new StringBuilder(
                "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of,password\n");
        csv.append("class,").append(klass).append(",Class ").append(run).append(",,,,,,,,\n");
        csv.append("person,")
                .append(id("t1"))
                .append(",,teacher,Tina,One,,")
                .append(klass)
                .append(",,,")
                .append(PASSWORD)
                .append('\n');
        csv.append("person,")
                .append(id("t2"))
                .append(",,teacher,Tom,Two,,")
                .append(klass)
                .append(",,,")
                .append(PASSWORD)
                .append('\n');
        csv.append("person,")
                .append(id("st"))
                .append(",,staff,Stan,Staff,,,,,")
                .append(PASSWORD)
                .append('\n');
        csv.append("person,")
                .append(id("s1"))
                .append(",,student,Sam,One,,")
                .append(klass)
                .append(",,,")
                .append(PASSWORD)
                .append('\n');
        for (int i = 0; i < GUARDIANS; i++) {
            csv.append("person,")
                    .append(id("g" + i))
                    .append(",,guardian,G,")
                    .append(i)
                    .append(",,,")
                    .append(id("s1"))
                    .append(",,")
                    .append(PASSWORD)
                    .append('\n');
        }
        var report = new DirectoryImport(repository.platform()).run(new StringReader(csv.toString()), false);
        assertThat(report.valid()).as(report.problems().toString()).isTrue();
        lockers = new Lockers(repository.platform(), clock);
    }

    @AfterAll
    void close() {
        if (repository != null) {
            repository.platform().close();
        }
    }

    private List<String> locker(UserId user) {
        signIn(user);
        return lockers.locker(user, Lockers.LockerFilter.none()).stream()
                .map(Lockers.LockerEntry::name)
                .toList();
    }

    private void signIn(UserId user) {
        assertThat(repository.platform().authenticate(user, PASSWORD.toCharArray()))
                .as("sign-in of " + user)
                .isPresent();
    }

    private Lockers.Deposited deposit(UserId depositor, DepositRequest request, String name) {
        signIn(depositor);
        Lockers.PreparedDeposit prepared = lockers.prepare(depositor, Profile.TEACHER, request);
        List<Lockers.Deposited> deposited = lockers.deposit(
                prepared,
                List.of(new Lockers.DepositFile(
                        name,
                        new ContentSource(
                                new ByteArrayInputStream(("content of " + name).getBytes(StandardCharsets.UTF_8)),
                                "text/plain"))));
        return deposited.get(0);
    }

    private static DepositRequest request(List<String> selection, boolean standing) {
        return new DepositRequest("CIRCULAR", "memo", selection, standing, false, Optional.empty(), Optional.empty());
    }

    @Test
    void aDepositIsListedOpenedAndFollowedByItsDepositor() throws IOException {
        Lockers.Deposited deposited = deposit(user("t1"), request(List.of("user:" + id("t2")), false), "letter.txt");
        assertThat(locker(user("t2"))).containsExactly("letter.txt");
        try (Content content = lockers.open(user("t2"), deposited.id())) {
            assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("content of letter.txt");
        }
        assertThat(locker(user("st"))).as("not a recipient").doesNotContain("letter.txt");
        assertThat(lockers.distributions(user("t1")))
                .extracting(Lockers.Distribution::name)
                .contains("letter.txt");
    }

    @Test
    void aDepositTo22ChosenGuardiansOpensWithItsWindow() {
        List<String> guardians = new ArrayList<>();
        for (int i = 0; i < GUARDIANS; i++) {
            guardians.add("user:" + id("g" + i));
        }
        Instant from = clock.instant().plus(Duration.ofDays(1));
        deposit(
                user("t1"),
                new DepositRequest(
                        "CIRCULAR",
                        "memo",
                        guardians,
                        false,
                        false,
                        Optional.of(from),
                        Optional.of(from.plus(Duration.ofDays(30)))),
                "trip.txt");
        assertThat(locker(user("g0"))).as("before the window").doesNotContain("trip.txt");
        clock.advance(Duration.ofDays(2));
        assertThat(lockers.reconcileWindows().opened())
                .as("the pending window opened")
                .isPositive();
        assertThat(locker(user("g0"))).contains("trip.txt");
        assertThat(locker(user("g21"))).contains("trip.txt");
    }

    @Test
    void aStandingDepositReachesAPersonCreatedInAlfrescoAfterwards() {
        deposit(user("t1"), request(List.of("category:staff"), true), "staff-" + run + ".txt");
        UserId newcomer = user("newcomer");
        createdInAlfresco(newcomer, Map.of(DirectoryProperties.PROFILE, "staff"));

        repository.platform().reconcile();

        assertThat(locker(newcomer)).contains("staff-" + run + ".txt");
    }

    @Test
    void aDiscussionShowsItsMessages() {
        Discussions discussions = new Discussions(repository.platform(), clock, clock.getZone());
        signIn(user("t1"));
        signIn(user("g0"));
        Discussions.Summary started = discussions.start(user("t1"), "Trip " + run, List.of(user("g0")), "Hello");
        discussions.post(user("g0"), started.id(), "Thank you");
        assertThat(discussions.list(user("g0"), 0, 20))
                .extracting(Discussions.Summary::subject)
                .contains("Trip " + run);
        assertThat(discussions.read(user("t1"), started.id(), 0, 50).messages())
                .extracting(Discussions.Message::text)
                .containsExactly("Hello", "Thank you");
    }

    @Test
    void classSizesAndCandidatesComeFromTheGroups() {
        SchoolDirectory directory = new SchoolDirectory(repository.platform());
        assertThat(directory.classes())
                .filteredOn(c -> c.schoolClass().code().value().equals("C" + run))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.students()).isEqualTo(1);
                    assertThat(c.team()).isEqualTo(2);
                    assertThat(c.guardians()).isEqualTo(GUARDIANS);
                });
        assertThat(directory.search(Profile.GUARDIAN, run, 100)).hasSize(GUARDIANS);
    }

    /** A person an administrator creates in Alfresco itself, not through the service. */
    private void createdInAlfresco(UserId user, Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "id",
                user.value(),
                "firstName",
                "New",
                "lastName",
                "Comer",
                "email",
                user.value() + "@example.org",
                "password",
                PASSWORD));
        body.put("properties", properties);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(repository.baseUrl() + AlfrescoRestClient.CORE + "/people"))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString((repository.admin() + ":"
                                                                            + repository.adminPassword())
                                                                    .getBytes(StandardCharsets.UTF_8)))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            JsonMapper.builder().build().writeValueAsString(body)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
