package org.locker.oak;

import java.nio.file.Path;
import org.locker.core.platform.conformance.PlatformConformanceSuite;

/** How the tests open an Oak platform. */
final class OakTestPlatforms {

    static final char[] ADMIN_PASSWORD = "test-admin-pass".toCharArray();

    private OakTestPlatforms() {}

    static OakPlatform open(Path dataDirectory) {
        return OakPlatform.builder(dataDirectory, ADMIN_PASSWORD)
                .indexedProperties(PlatformConformanceSuite.QUERIED_PROPERTIES)
                .build();
    }

    /** A platform in memory: the same repository, for tests that need no disk. */
    static OakPlatform inMemory() {
        return OakPlatform.inMemory(ADMIN_PASSWORD)
                .indexedProperties(PlatformConformanceSuite.QUERIED_PROPERTIES)
                .build();
    }
}
