package org.locker.oak;

import java.nio.file.Path;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.conformance.QueriesConformance;

/** The queries part of the platform conformance suite, on Oak's memory node store (what engine tests use). */
class OakInMemoryQueriesConformanceTest extends QueriesConformance {

    @Override
    protected ContentPlatform newPlatform(Path dataDirectory) {
        return OakTestPlatforms.inMemory();
    }
}
