package org.locker.oak;

import java.nio.file.Path;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.conformance.PersonalSpaceConformance;

/** The personal-space part of the platform conformance suite, on an embedded Oak in a temporary directory. */
class OakPersonalSpaceConformanceTest extends PersonalSpaceConformance {

    @Override
    protected ContentPlatform newPlatform(Path dataDirectory) {
        return OakTestPlatforms.open(dataDirectory);
    }
}
