package org.locker.service.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.directory.importing.ImportProblem;
import org.locker.core.directory.importing.ImportReport;
import org.locker.service.LockerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * At start-up: creates the profile groups; loads the demo school into an empty platform when
 * {@code locker.demo.enabled}; or, when {@code locker.import-file} is set, imports that file and exits
 * (the offline form of {@code ./run.sh import FILE}).
 */
@Component
class StartupDirectoryLoader implements ApplicationRunner {

    static final String DEMO_SCHOOL = "/org/locker/core/directory/demo-school.csv";
    private static final Logger log = LoggerFactory.getLogger(StartupDirectoryLoader.class);

    private final LockerProperties properties;
    private final DirectoryImport directoryImport;
    private final SchoolDirectory directory;
    private final ApplicationContext context;

    StartupDirectoryLoader(
            LockerProperties properties,
            DirectoryImport directoryImport,
            SchoolDirectory directory,
            ApplicationContext context) {
        this.properties = properties;
        this.directoryImport = directoryImport;
        this.directory = directory;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        directoryImport.ensureProfileGroups();
        if (properties.importFile() != null) {
            importFileAndExit();
            return;
        }
        if (properties.demo().enabled() && directory.classes().isEmpty()) {
            try (Reader reader =
                    new InputStreamReader(getClass().getResourceAsStream(DEMO_SCHOOL), StandardCharsets.UTF_8)) {
                ImportReport report = directoryImport.run(reader, false);
                log.info("Demo school loaded: {} classes, {} persons", report.classes(), report.persons());
            }
        }
    }

    private void importFileAndExit() throws IOException {
        ImportReport report;
        try (Reader reader = Files.newBufferedReader(properties.importFile(), StandardCharsets.UTF_8)) {
            report = directoryImport.run(reader, false);
        }
        if (report.valid()) {
            log.info(
                    "Imported {}: {} classes, {} persons; {} users created, {} updated, {} memberships added, {}"
                            + " removed",
                    properties.importFile(),
                    report.classes(),
                    report.persons(),
                    report.usersCreated(),
                    report.usersUpdated(),
                    report.membershipsAdded(),
                    report.membershipsRemoved());
        } else {
            log.error("{} refused, nothing imported:", properties.importFile());
            for (ImportProblem problem : report.problems()) {
                log.error("  line {}: {} {}", problem.line(), problem.code(), problem.message());
            }
        }
        int code = report.valid() ? 0 : 2;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }
}
