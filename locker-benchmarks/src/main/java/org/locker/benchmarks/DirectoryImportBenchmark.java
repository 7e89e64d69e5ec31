package org.locker.benchmarks;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.directory.importing.ImportReport;

/**
 * Issue 14, "speed a person feels": importing 5,000 persons takes at most 30 s on Oak. A school of {@code
 * --persons} (two fifths students, half guardians, the rest teachers), in classes of 25 students; timed: the
 * check only (dry run), the first import (everyone created), and the same file again (nothing to change).
 *
 * <p>With {@code --oneSave=true}, first the same on a repository of its own with every person in one save, as
 * the import did before decision 0019 (2 min 24 s for 5,000 persons). Each figure gives the wall-clock time and
 * the CPU time of the importing thread (the machine is shared: the CPU time is the steadier under load).
 *
 * <p>Options: {@code --persons=5000 --personsPerSave=200 --oneSave=false}.
 */
final class DirectoryImportBenchmark {

    private DirectoryImportBenchmark() {}

    static void run(String[] args) throws Exception {
        int persons = Harness.intArg(args, "persons", 5_000);
        int perSave = Harness.intArg(args, "personsPerSave", DirectoryImport.PERSONS_PER_SAVE);
        boolean oneSave = args.length > 0 && java.util.Arrays.asList(args).contains("--oneSave=true");
        Harness.header("import: a directory of " + persons + " persons (check only, first import, again)");
        String file = school(persons);
        if (oneSave) {
            measure("one save for all persons (before)", file, persons, Integer.MAX_VALUE);
        }
        measure(perSave + " persons a save", file, persons, perSave);
    }

    private static void measure(String variant, String file, int persons, int perSave) throws Exception {
        try (Harness h = new Harness("import")) {
            DirectoryImport directoryImport = h.directoryImport.withPersonsPerSave(perSave);
            Clock clock = new Clock();
            ImportReport dry = directoryImport.run(new StringReader(Harness.HEADER + file), true);
            Harness.line("%s: check only: %s (%s)", variant, clock.lap(persons), counts(dry));
            ImportReport first = directoryImport.run(new StringReader(Harness.HEADER + file), false);
            Harness.line("%s: first import: %s (%s)", variant, clock.lap(persons), counts(first));
            ImportReport again = directoryImport.run(new StringReader(Harness.HEADER + file), false);
            Harness.line("%s: same file again: %s (%s)", variant, clock.lap(persons), counts(again));
            if (!first.applied()
                    || dry.usersCreated() != first.usersCreated()
                    || dry.membershipsAdded() != first.membershipsAdded()) {
                Harness.line("WARNING: the check only differs from the import: %s vs %s", dry, first);
            }
        }
    }

    /** Wall-clock and CPU time of this thread since the last lap. */
    private static final class Clock {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private long wall = System.nanoTime();
        private long cpu = threads.getCurrentThreadCpuTime();

        String lap(int persons) {
            long wallNow = System.nanoTime();
            long cpuNow = threads.getCurrentThreadCpuTime();
            String text = String.format(
                    Locale.ROOT,
                    "%.1f s wall (%.2f ms a person), %.1f s CPU",
                    (wallNow - wall) / 1e9,
                    (wallNow - wall) / 1e6 / persons,
                    (cpuNow - cpu) / 1e9);
            wall = wallNow;
            cpu = cpuNow;
            return text;
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
