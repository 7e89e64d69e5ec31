package org.locker.oak;

import java.nio.file.Path;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.conformance.QueriesConformance;

/** The queries part of the platform conformance suite, on an embedded Oak in a temporary directory. */
class OakQueriesConformanceTest extends QueriesConformance {

    @Override
    protected ContentPlatform newPlatform(Path dataDirectory) {
        return OakTestPlatforms.open(dataDirectory);
    }
}
