package org.locker.alfresco;

import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.conformance.PrincipalsConformance;

/** The principals part of the platform conformance suite, against the live Alfresco named by ALFRESCO_URL. */
@EnabledIfEnvironmentVariable(named = "ALFRESCO_URL", matches = ".+")
class AlfrescoPrincipalsConformanceIT extends PrincipalsConformance {

    @Override
    protected ContentPlatform newPlatform(Path dataDirectory) {
        return LiveAlfresco.open(PASSWORD);
    }
}
