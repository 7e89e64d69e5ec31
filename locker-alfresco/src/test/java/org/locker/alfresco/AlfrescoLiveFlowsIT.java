package org.locker.alfresco;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The service's flows ({@link AlfrescoFlows}) against the live Alfresco named by ALFRESCO_URL (with the repository
 * AMP installed): {@code ./run.sh test_alfresco}.
 */
@EnabledIfEnvironmentVariable(named = "ALFRESCO_URL", matches = ".+")
class AlfrescoLiveFlowsIT extends AlfrescoFlows {

    @Override
    protected Repository open(AlfrescoSettings.Profiles profiles) {
        return new Repository(
                LiveAlfresco.open(PASSWORD, profiles),
                LiveAlfresco.url(),
                LiveAlfresco.user(),
                LiveAlfresco.password());
    }
}
