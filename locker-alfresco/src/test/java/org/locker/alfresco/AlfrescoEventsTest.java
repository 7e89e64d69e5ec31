package org.locker.alfresco;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.locker.alfresco.AlfrescoStub.CORE;
import static org.locker.alfresco.AlfrescoStub.entry;
import static org.locker.alfresco.AlfrescoStub.error;
import static org.locker.alfresco.AlfrescoStub.json;
import static org.locker.alfresco.AlfrescoStub.node;
import static org.locker.alfresco.AlfrescoStub.withProperties;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.PrincipalListener;
import org.locker.core.platform.UserId;

/**
 * Repository events through a real embedded ActiveMQ broker (non-persistent, vm transport), in Alfresco's
 * event format, plus the people reconcile: the platform tells its listeners of users created and of
 * membership changes, once per event, skipping what it cannot map, and catches up at start-up on what it
 * missed while down.
 */
class AlfrescoEventsTest {

    private static final AtomicInteger BROKERS = new AtomicInteger();
    private static final Duration DELIVERY = Duration.ofSeconds(10);

    private BrokerService broker;
    private String brokerUrl;
    private AlfrescoStub stub;
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final PrincipalListener recorder = new PrincipalListener() {
        @Override
        public void userCreated(UserId user) {
            heard.add("created " + user);
        }

        @Override
        public void membershipChanged(GroupId group, PrincipalId member, boolean added) {
            heard.add((added ? "added " : "removed ") + member + " to " + group);
        }
    };

    @BeforeEach
    void start() throws Exception {
        String name = "locker-events-" + BROKERS.incrementAndGet();
        broker = new BrokerService();
        broker.setBrokerName(name);
        broker.setPersistent(false);
        broker.setUseJmx(false);
        broker.setAdvisorySupport(false);
        broker.start();
        broker.waitUntilStarted();
        brokerUrl = "vm://" + name + "?create=false";
        stub = new AlfrescoStub();
        stub.stubRoot();
        stubEveryoneExists();
    }

    /** The handler checks that what an event names still exists: every person and group does, unless a test says. */
    private void stubEveryoneExists() {
        stub.stub(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(CORE + "/people/[^/]+"))
                .atPriority(9)
                .willReturn(json(200, entry(Map.of("id", "someone")))));
        stub.stub(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(CORE + "/groups/[^/]+"))
                .atPriority(9)
                .willReturn(json(200, entry(AlfrescoStub.group("GROUP_someone", "someone")))));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            AlfrescoContract.fromEnvironment()
                    .ifPresent(c -> assertThat(c.violations(stub.served())).isEmpty());
        } finally {
            stub.close();
            broker.stop();
        }
    }

    private AlfrescoPlatform platform(List<String> people, Path checkpoint) {
        stub.stubPeople(people);
        return AlfrescoPlatform.builder(stub.settings().withBroker(brokerUrl))
                .listener(recorder)
                .checkpoint(ReconcileCheckpoint.inFile(checkpoint))
                .build();
    }

    /** Publishes events on Alfresco's topic, as the repository does (text messages, one JSON event each). */
    private void publish(String... events) throws Exception {
        for (String event : events) {
            if (!event.startsWith("{")) {
                continue; // deliberately malformed messages
            }
            RepoEvents.schemas()
                    .ifPresent(folder -> assertThat(RepoEvents.violations(folder, event))
                            .as("test event against Alfresco's schema")
                            .isEmpty());
        }
        Connection connection = new ActiveMQConnectionFactory(brokerUrl).createConnection();
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic(AlfrescoSettings.DEFAULT_TOPIC));
            for (String event : events) {
                producer.send(session.createTextMessage(event));
            }
        } finally {
            connection.close();
        }
    }

    private void awaitHeard(String what) {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (!heard.contains(what)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not heard within " + DELIVERY + ": " + what + " (heard " + heard + ")");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void stubAuthorityNode(String nodeId, String nodeType, String property, String name) {
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/" + nodeId))
                .withQueryParam("include", equalTo("properties"))
                .willReturn(json(
                        200, entry(withProperties(node(nodeId, nodeId, nodeType, false), Map.of(property, name))))));
    }

    @Test
    void shouldTellListenersOfAPersonCreatedInAlfresco(@TempDir Path dir) throws Exception {
        try (AlfrescoPlatform platform = platform(List.of("admin"), dir.resolve("checkpoint"))) {
            publish(RepoEvents.personCreated("e1", "n-alice", "alice"));
            awaitHeard("created alice");
        }
    }

    @Test
    void shouldMapMembershipEventsFromNodeIdsToNamesAndCacheThem(@TempDir Path dir) throws Exception {
        stubAuthorityNode("n-class", "cm:authorityContainer", "cm:authorityName", "GROUP_class-6a");
        stubAuthorityNode("n-bob", "cm:person", "cm:userName", "bob");
        stubAuthorityNode("n-sub", "cm:authorityContainer", "cm:authorityName", "GROUP_sub");
        try (AlfrescoPlatform platform = platform(List.of("admin"), dir.resolve("checkpoint"))) {
            stub.resetRequests();
            publish(
                    RepoEvents.member("m1", true, "n-class", "n-bob"),
                    RepoEvents.member("m2", true, "n-class", "n-sub"),
                    RepoEvents.member("m3", false, "n-class", "n-bob"));
            awaitHeard("removed bob to class-6a");
            assertThat(heard)
                    .containsExactly("added bob to class-6a", "added sub to class-6a", "removed bob to class-6a");
            assertThat(stub.served())
                    .filteredOn(e -> e.getRequest().getUrl().contains("/nodes/"))
                    .as("each node resolved once, then cached")
                    .hasSize(3);
        }
    }

    @Test
    void shouldChangeNothingOnADuplicatedEvent(@TempDir Path dir) throws Exception {
        try (AlfrescoPlatform platform = platform(List.of("admin"), dir.resolve("checkpoint"))) {
            String event = RepoEvents.personCreated("dup-1", "n-dora", "dora");
            publish(event, event, RepoEvents.personCreated("marker", "n-mark", "mark"));
            awaitHeard("created mark");
            assertThat(heard).containsExactly("created dora", "created mark");
        }
    }

    @Test
    void shouldLogAndSkipAnEventForANodeItCannotMap(@TempDir Path dir) throws Exception {
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/n-gone"))
                .willReturn(
                        error(404, "framework.exception.EntityNotFound", "The entity with id: n-gone was not found")));
        stubAuthorityNode("n-folder", "cm:folder", "cm:title", "not an authority");
        try (AlfrescoPlatform platform = platform(List.of("admin"), dir.resolve("checkpoint"))) {
            publish(
                    RepoEvents.member("u1", true, "n-gone", "n-bob"),
                    RepoEvents.member("u2", true, "n-folder", "n-bob"),
                    RepoEvents.zone("z1", "n-zone", "n-erin"),
                    "not json at all",
                    RepoEvents.personCreated("after", "n-erin", "erin"));
            awaitHeard("created erin");
            assertThat(heard).containsExactly("created erin");
            RepoEventHandler handler = platform.eventHandler();
            assertThat(handler.handle(RepoEvents.member("u3", true, "n-gone", "n-bob")))
                    .as("a node deleted since")
                    .isEqualTo(RepoEventHandler.Outcome.GONE);
            assertThat(handler.handle(RepoEvents.member("u4", true, "n-folder", "n-bob")))
                    .as("not an authority")
                    .isEqualTo(RepoEventHandler.Outcome.UNMAPPABLE);
            assertThat(handler.handle(RepoEvents.zone("z2", "n-zone", "n-erin")))
                    .isEqualTo(RepoEventHandler.Outcome.IGNORED);
            assertThat(handler.handle("{")).isEqualTo(RepoEventHandler.Outcome.MALFORMED);
        }
    }

    @Test
    void shouldServeAtStartUpAPersonCreatedWhileTheServiceWasDown(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("checkpoint");
        try (AlfrescoPlatform first = platform(List.of("admin", "alice"), checkpoint)) {
            assertThat(heard).as("the first reconcile records a baseline").isEmpty();
        }
        // while the service is down, Alfresco creates bob; the event is published to nobody
        publish(RepoEvents.personCreated("lost", "n-bob", "bob"));
        stub.server.resetMappings();
        stub.stubRoot();
        stubEveryoneExists();
        try (AlfrescoPlatform second = platform(List.of("admin", "alice", "bob"), checkpoint)) {
            assertThat(heard).containsExactly("created bob");
            assertThat(second.reconcile()).as("nothing new on the next run").isEmpty();
        }
    }

    @Test
    void shouldStartWithoutABrokerAndRelyOnTheReconcile(@TempDir Path dir) {
        stub.stubPeople(List.of("admin"));
        AlfrescoSettings settings = stub.settings().withBroker("tcp://localhost:1");
        settings = new AlfrescoSettings(
                settings.baseUrl(),
                settings.serviceUser(),
                settings.servicePassword(),
                settings.rootPath(),
                Duration.ofMillis(300),
                settings.readTimeout(),
                settings.retry(),
                settings.brokerUrl(),
                settings.eventTopic(),
                settings.guardiansSite());
        long started = System.nanoTime();
        try (AlfrescoPlatform platform = AlfrescoPlatform.builder(settings)
                .listener(recorder)
                .checkpoint(ReconcileCheckpoint.inFile(dir.resolve("cp")))
                .build()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            stub.stubPeople(List.of("admin", "newcomer"));
            assertThat(platform.reconcile()).containsExactly(UserId.of("newcomer"));
        }
    }

    @Test
    void shouldFollowEveryPageOfPeopleWhenReconciling(@TempDir Path dir) {
        stub.stubPeople(List.of("admin"));
        try (AlfrescoPlatform platform = AlfrescoPlatform.builder(stub.settings())
                .listener(recorder)
                .checkpoint(ReconcileCheckpoint.inFile(dir.resolve("cp")))
                .build()) {
            stub.stub(get(urlPathEqualTo(CORE + "/people"))
                    .withQueryParam("skipCount", equalTo("0"))
                    .willReturn(json(
                            200,
                            AlfrescoStub.list(
                                    List.of(AlfrescoStub.person("admin"), AlfrescoStub.person("amy")), true, 0))));
            stub.stub(get(urlPathEqualTo(CORE + "/people"))
                    .withQueryParam("skipCount", equalTo("2"))
                    .willReturn(json(200, AlfrescoStub.list(List.of(AlfrescoStub.person("zoe")), false, 2))));
            assertThat(platform.reconcile()).containsExactly(UserId.of("amy"), UserId.of("zoe"));
        }
    }

    @Test
    void shouldWriteTestEventsInAlfrescosFormat() {
        assumeTrue(
                RepoEvents.schemas().isPresent(),
                "ALFRESCO_EVENT_SCHEMAS is not set: test events not validated against Alfresco's event schemas");
        Path folder = RepoEvents.schemas().get();
        for (String event : List.of(
                RepoEvents.personCreated("a", "n", "u"),
                RepoEvents.member("b", true, "g", "m"),
                RepoEvents.member("c", false, "g", "m"),
                RepoEvents.zone("d", "z", "m"))) {
            assertThat(RepoEvents.violations(folder, event)).isEmpty();
        }
        // and the check does reject a malformed event
        assertThat(RepoEvents.violations(folder, "{\"type\":\"x\",\"dataschema\":\"https://x/nodeCreated\"}"))
                .isNotEmpty();
    }
}
