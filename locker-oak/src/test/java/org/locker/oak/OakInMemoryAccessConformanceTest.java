package org.locker.oak;

import java.nio.file.Path;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.conformance.AccessConformance;

/** The access part of the platform conformance suite, on Oak's memory node store (what engine tests use). */
class OakInMemoryAccessConformanceTest extends AccessConformance {

    @Override
    protected ContentPlatform newPlatform(Path dataDirectory) {
        return OakTestPlatforms.inMemory();
    }
}
