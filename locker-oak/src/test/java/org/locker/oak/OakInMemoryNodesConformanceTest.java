package org.locker.oak;

import java.nio.file.Path;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.conformance.NodesConformance;

/** The nodes part of the platform conformance suite, on Oak's memory node store (what engine tests use). */
class OakInMemoryNodesConformanceTest extends NodesConformance {

    @Override
    protected ContentPlatform newPlatform(Path dataDirectory) {
        return OakTestPlatforms.inMemory();
    }
}
