package org.locker.core.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The establishment's audit trail: who did what, when (deposits, openings, versions, withdrawals, settings of
 * lockers and discussions, directory imports, sign-in locks); read by administrators, filtered, and as CSV.
 * Its own feature, so that every other one writes to it and it knows none of them.
 */
public final class AuditTrail {

    private final ContentPlatform platform;
    private final Clock clock;
    private final AuditStore store = new AuditStore();

    public AuditTrail(ContentPlatform platform, Clock clock) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds a line in the caller's session, saved with what it records. */
    public void record(
            PlatformSession session,
            AuditAction action,
            UserId actor,
            String depositId,
            String documentName,
            String detail) {
        append(session, action.name(), actor.value(), depositId, documentName, detail);
    }

    /** Adds a line about no deposit in the caller's session, saved with what it records. */
    public void record(PlatformSession session, AuditAction action, UserId actor, String detail) {
        record(session, action, actor, "", "", detail);
    }

    void append(
            PlatformSession session,
            String action,
            String actor,
            String depositId,
            String documentName,
            String detail) {
        store.append(
                session,
                new AuditEntry(
                        clock.instant(), action, actor, nonNull(depositId), nonNull(documentName), nonNull(detail)));
    }

    /** Adds a line in a session of its own, saved at once. */
    void recordNow(String action, String actor, String detail) {
        try (PlatformSession session = platform.systemSession()) {
            append(session, action, actor, "", "", detail);
            session.save();
        }
    }

    /** The lines {@code filter} keeps, oldest first. */
    public List<AuditEntry> entries(AuditFilter filter) {
        try (PlatformSession system = platform.systemSession()) {
            return store.entries(system, filter);
        }
    }

    /** Writes the lines {@code filter} keeps as CSV (header line, then one line each), cells safe for spreadsheets. */
    public void writeCsv(Writer writer, AuditFilter filter) throws IOException {
        // not closed: the caller owns the writer
        CSVPrinter csv = new CSVPrinter(
                writer,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader("at", "action", "actor", "depositId", "document", "detail")
                        .get());
        for (AuditEntry entry : entries(filter)) {
            csv.printRecord(
                    entry.at().toString(),
                    CsvCells.safe(entry.action()),
                    CsvCells.safe(entry.actor()),
                    CsvCells.safe(entry.depositId()),
                    CsvCells.safe(entry.documentName()),
                    CsvCells.safe(entry.detail()));
        }
        csv.flush();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
