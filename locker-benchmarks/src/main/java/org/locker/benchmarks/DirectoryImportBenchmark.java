package org.locker.benchmarks;

import java.io.StringReader;
import java.util.Locale;
import org.locker.core.directory.importing.ImportReport;

/**
 * Issue 14, "speed a person feels": importing 5,000 persons takes at most 30 s on Oak. A school of {@code
 * --persons} (two fifths students, half guardians, the rest teachers), in classes of 25 students; timed: the
 * check only (dry run), the first import (everyone created), and the same file again (nothing to change).
 *
 * <p>Options: {@code --persons=5000}.
 */
final class DirectoryImportBenchmark {

    private DirectoryImportBenchmark() {}

    static void run(String[] args) throws Exception {
        int persons = Harness.intArg(args, "persons", 5_000);
        Harness.header("import: a directory of " + persons + " persons (dry run, first import, again)");
        String file = school(persons);
        try (Harness h = new Harness("import")) {
            long start = System.nanoTime();
            ImportReport dry = h.directoryImport.run(new StringReader(Harness.HEADER + file), true);
            double drySeconds = Harness.seconds(start);
            Harness.line("check only: %.1f s (%s)", drySeconds, counts(dry));

            start = System.nanoTime();
            ImportReport first = h.importDirectory(file);
            double firstSeconds = Harness.seconds(start);
            Harness.line(
                    "first import: %.1f s, %.2f ms a person (%s)",
                    firstSeconds, firstSeconds * 1000 / persons, counts(first));

            start = System.nanoTime();
            ImportReport again = h.importDirectory(file);
            Harness.line("same file again: %.1f s (%s)", Harness.seconds(start), counts(again));
            if (dry.usersCreated() != first.usersCreated() || dry.membershipsAdded() != first.membershipsAdded()) {
                Harness.line("WARNING: the check only differs from the import: %s vs %s", dry, first);
            }
        }
    }

    /** A school of {@code persons}: students in classes of 25, one guardian for each, teachers in two classes. */
    static String school(int persons) {
        int students = persons * 2 / 5;
        int guardians = persons / 2;
        int teachers = persons - students - guardians;
        int classes = Math.max(1, (students + 24) / 25);
        StringBuilder file = new StringBuilder();
        for (int c = 0; c < classes; c++) {
            file.append(Harness.schoolClass(classCode(c)));
        }
        for (int s = 0; s < students; s++) {
            file.append(Harness.person(student(s), "student", classCode(s % classes), "", ""));
        }
        for (int g = 0; g < guardians; g++) {
            int child = g % Math.max(1, students);
            file.append(Harness.person("g" + g, "guardian", "", student(child), ""));
        }
        for (int t = 0; t < teachers; t++) {
            String classesOf = classCode(t % classes) + "|" + classCode((t + 1) % classes);
            file.append(Harness.person("t" + t, "teacher", classes > 1 ? classesOf : classCode(0), "", ""));
        }
        return file.toString();
    }

    private static String classCode(int c) {
        return String.format(Locale.ROOT, "C%03d", c);
    }

    private static String student(int s) {
        return "s" + s;
    }

    private static String counts(ImportReport r) {
        return String.format(
                Locale.ROOT,
                "created %d, updated %d, groups %d, +%d -%d memberships",
                r.usersCreated(),
                r.usersUpdated(),
                r.groupsCreated(),
                r.membershipsAdded(),
                r.membershipsRemoved());
    }
}
