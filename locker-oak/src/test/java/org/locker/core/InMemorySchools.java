package org.locker.core;

import java.io.StringReader;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.directory.importing.ImportReport;
import org.locker.oak.OakPlatform;

/** A real Oak repository in memory, with the service's indexes and a school imported from a directory file. */
public final class InMemorySchools {

    private InMemorySchools() {}

    /** Opens the platform and imports {@code directoryCsv} (the import format); the caller closes the platform. */
    public static OakPlatform open(String directoryCsv) {
        OakPlatform platform = OakPlatform.inMemory("test-admin-pass".toCharArray())
                .indexedProperties(QueriedProperties.ALL)
                .selectiveProperties(QueriedProperties.SELECTIVE)
                .build();
        ImportReport report = new DirectoryImport(platform).run(new StringReader(directoryCsv), false);
        if (!report.applied()) {
            platform.close();
            throw new IllegalStateException("the test school was refused: " + report.problems());
        }
        return platform;
    }
}
