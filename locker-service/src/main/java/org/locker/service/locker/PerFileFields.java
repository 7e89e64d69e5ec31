package org.locker.service.locker;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.locker.LockerRefusal.Reason;

/**
 * The names and document types of a deposit's files, sent as repeated {@code name} and {@code documentType}
 * fields: none, one (a name for the only file; a type for every file) or one per file, in the order of the files.
 * Read from the request's raw values, since a field bound to a list would be split at its commas.
 */
record PerFileFields(List<Optional<String>> names, List<String> types) {

    /**
     * @param fileCount the number of files (1 for a document from the cloud)
     * @param names the {@code name} values, null when none
     * @param types the {@code documentType} values, null when none
     */
    static PerFileFields of(int fileCount, String[] names, String[] types) {
        List<String> givenNames = names == null ? List.of() : Arrays.asList(names);
        List<String> givenTypes = types == null ? List.of() : Arrays.asList(types);
        boolean noName = givenNames.stream().allMatch(n -> n == null || n.isBlank());
        if (!noName && givenNames.size() != fileCount) {
            throw new LockerRefusal(Reason.NAME_COUNT_MISMATCH, fileCount, givenNames.size());
        }
        if (givenTypes.size() > 1 && givenTypes.size() != fileCount) {
            throw new LockerRefusal(Reason.TYPE_COUNT_MISMATCH, fileCount, givenTypes.size());
        }
        List<Optional<String>> perFileNames = noName
                ? java.util.Collections.nCopies(fileCount, Optional.empty())
                : givenNames.stream()
                        .map(n -> Optional.ofNullable(n).filter(s -> !s.isBlank()))
                        .toList();
        return new PerFileFields(perFileNames, givenTypes);
    }

    /** The type the request is prepared with: the only one, or the first file's. */
    String requestType() {
        return types.isEmpty() ? null : types.get(0);
    }

    /** Whether each file has its own type. */
    boolean typePerFile() {
        return types.size() > 1;
    }
}
