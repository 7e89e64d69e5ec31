package org.locker.alfresco;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.locker.alfresco.AlfrescoStub.CORE;
import static org.locker.alfresco.AlfrescoStub.entry;
import static org.locker.alfresco.AlfrescoStub.json;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The contract check itself: with {@code ALFRESCO_OPENAPI_SPEC} set it must reject an answer that breaks
 * Alfresco's API definition (otherwise the checks after every binding test would prove nothing).
 */
class AlfrescoContractTest {

    @Test
    void shouldRejectAnAnswerThatBreaksTheDefinition() {
        assumeTrue(
                AlfrescoContract.fromEnvironment().isPresent(),
                "ALFRESCO_OPENAPI_SPEC is not set: contract validation against alfresco-core.yaml skipped");
        try (AlfrescoStub stub = new AlfrescoStub();
                AlfrescoPlatform platform = stub.platform()) {
            stub.resetRequests();
            // a Person without the required "email" and "enabled"
            stub.stub(get(urlPathEqualTo(CORE + "/people/alice"))
                    .willReturn(json(200, entry(Map.of("id", "alice", "firstName", "Alice")))));
            try (PlatformSession s = platform.systemSession()) {
                s.findUser(UserId.of("alice"));
            }
            assertThat(AlfrescoContract.fromEnvironment().get().violations(stub.served()))
                    .anySatisfy(v -> assertThat(v).contains("/people/alice").contains("required"));
        }
    }

    @Test
    void shouldAcceptTheStartUpCalls() {
        assumeTrue(
                AlfrescoContract.fromEnvironment().isPresent(),
                "ALFRESCO_OPENAPI_SPEC is not set: contract validation against alfresco-core.yaml skipped");
        try (AlfrescoStub stub = new AlfrescoStub();
                AlfrescoPlatform platform = stub.platform()) {
            assertThat(stub.served()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(AlfrescoContract.fromEnvironment().get().violations(stub.served()))
                    .isEmpty();
        }
    }
}
