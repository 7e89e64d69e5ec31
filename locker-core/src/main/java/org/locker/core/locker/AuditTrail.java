package org.locker.core.locker;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locker.core.locker.Lockers.AuditEntry;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/** The audit trail of lockers: who did what to which deposit, when; read by administrators, as CSV too. */
final class AuditTrail {

    private final ContentPlatform platform;
    private final Clock clock;
    private final DepositStore store;

    AuditTrail(ContentPlatform platform, Clock clock, DepositStore store) {
        this.platform = platform;
        this.clock = clock;
        this.store = store;
    }

    /** Adds a line in the caller's session, saved with what it records. */
    void record(
            PlatformSession session,
            AuditAction action,
            UserId actor,
            String depositId,
            String documentName,
            String detail) {
        store.appendAudit(
                session,
                new AuditEntry(clock.instant(), action.name(), actor.value(), depositId, documentName, detail));
    }

    /** The trail, oldest first, optionally for one deposit. */
    List<AuditEntry> entries(Optional<String> depositId) {
        try (PlatformSession system = platform.systemSession()) {
            return store.auditEntries(system, depositId);
        }
    }

    /** Writes the trail as CSV (header line, then one line per entry), cells safe for spreadsheets. */
    void writeCsv(Writer writer) throws IOException {
        // not closed: the caller owns the writer
        CSVPrinter csv = new CSVPrinter(
                writer,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader("at", "action", "actor", "depositId", "document", "detail")
                        .get());
        for (AuditEntry entry : entries(Optional.empty())) {
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
}
