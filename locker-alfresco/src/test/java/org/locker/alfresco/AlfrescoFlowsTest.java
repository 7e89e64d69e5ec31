package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/**
 * The service's flows ({@link AlfrescoFlows}, which {@link AlfrescoLiveFlowsIT} runs against a live Alfresco)
 * against {@link FakeAlfresco} without a search index: the same flows, proven here on every build, and not one
 * request answered from the index.
 */
class AlfrescoFlowsTest extends AlfrescoFlows {

    private FakeAlfresco alfresco;

    @Override
    protected Repository open(AlfrescoSettings.Profiles profiles) {
        alfresco = new FakeAlfresco();
        return new Repository(
                AlfrescoPlatform.builder(
                                alfresco.settings("Data Dictionary/Locker").withProfiles(profiles))
                        .build(),
                alfresco.baseUrl(),
                FakeAlfresco.ADMIN,
                FakeAlfresco.ADMIN_PASSWORD);
    }

    @AfterEach
    void nothingFromTheIndex() {
        assertThat(alfresco.indexAnswered()).isEmpty();
    }

    @AfterAll
    void stopTheFake() {
        alfresco.close();
    }
}
