package org.locker.core.directory.importing;

import java.util.List;

/**
 * The outcome of an import. When {@link #problems()} is not empty nothing was applied.
 *
 * @param applied whether the platform was changed (false for a dry run or a refused file)
 */
public record ImportReport(
        boolean applied,
        List<ImportProblem> problems,
        int classes,
        int persons,
        int usersCreated,
        int usersUpdated,
        int groupsCreated,
        int membershipsAdded,
        int membershipsRemoved) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    static ImportReport refused(List<ImportProblem> problems) {
        return new ImportReport(false, problems, 0, 0, 0, 0, 0, 0, 0);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
