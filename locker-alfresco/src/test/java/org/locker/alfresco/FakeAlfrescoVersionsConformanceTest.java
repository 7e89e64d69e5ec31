package org.locker.alfresco;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.conformance.VersionsConformance;

/**
 * The versions part of the platform conformance suite against {@link FakeAlfresco}, which answers as the recorded
 * Alfresco does (no search index, path resolution refused through unreadable folders, ...): on every build, what
 * {@code AlfrescoVersionsConformanceIT} checks against a live Alfresco. (The nodes, principals and queries parts write
 * properties the content model does not declare, which Alfresco and the fake refuse: they run on the fake once the
 * suite's properties are declared.)
 */
class FakeAlfrescoVersionsConformanceTest extends VersionsConformance {

    private FakeAlfresco fake;

    @Override
    protected ContentPlatform newPlatform(Path dataDirectory) {
        fake = new FakeAlfresco();
        return AlfrescoPlatform.builder(fake.settings("Data Dictionary/locker-conformance"))
                .userPasswords(u -> Optional.of(PASSWORD.toCharArray()))
                .build();
    }

    @AfterAll
    void stopTheFake() {
        fake.close();
    }
}
