package org.locker.service.locker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locker.core.locker.Lockers;
import org.locker.core.locker.Lockers.ReceiptLine;
import org.locker.core.platform.NodeId;
import org.locker.service.LockerProperties;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who opened one of my deposits and who has not, with each person's name and classes: as rows for the table of "my
 * distributions", and as a CSV file for a spreadsheet.
 */
@RestController
@RequestMapping("/api/v1/lockers/distributions/{id}")
@Tag(name = "lockers", description = "Digital lockers: deposits, versions, distributions, read receipts, audit")
class ReceiptsController {

    private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Lockers lockers;
    private final ZoneId zone;

    ReceiptsController(Lockers lockers, LockerProperties properties) {
        this.lockers = lockers;
        this.zone = properties.timeZone();
    }

    /**
     * @param profile the person's profile code ({@code teacher}, {@code guardian}...), empty if unknown
     * @param classes a student's class, a teacher's or staff member's teams, a guardian's children's classes
     */
    record ReceiptRow(
            String user,
            String name,
            String profile,
            List<String> classes,
            String audience,
            boolean opened,
            Instant openedAt,
            Instant remindedAt) {
        static ReceiptRow of(ReceiptLine line) {
            return new ReceiptRow(
                    line.user(),
                    line.name(),
                    line.profile().map(p -> p.code()).orElse(""),
                    line.classes(),
                    line.audience().code(),
                    line.openedAt().isPresent(),
                    line.openedAt().orElse(null),
                    line.remindedAt().orElse(null));
        }
    }

    @GetMapping("/receipts")
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(
            summary = "Receipts of my deposit, by name: each person with profile, classes, opened date and last"
                    + " reminder; audience=personnel|guardians and class=<code> filter them")
    List<ReceiptRow> receipts(
            @AuthenticationPrincipal LockerUser user,
            @PathVariable String id,
            @RequestParam(required = false) String audience,
            @RequestParam(name = "class", required = false) String schoolClass) {
        return lines(user, id, audience, schoolClass).stream()
                .map(ReceiptRow::of)
                .toList();
    }

    @GetMapping(path = "/receipts.csv", produces = "text/csv")
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(
            summary = "Receipts of my deposit as CSV (UTF-8 with a byte order mark, for Excel): name, username,"
                    + " profile, classes, opened, opened at (establishment's time zone), last reminder; same filters;"
                    + " lang=fr|en for the headings")
    ResponseEntity<byte[]> receiptsCsv(
            @AuthenticationPrincipal LockerUser user,
            @PathVariable String id,
            @RequestParam(required = false) String audience,
            @RequestParam(name = "class", required = false) String schoolClass,
            @RequestParam(required = false) String lang,
            Locale locale)
            throws IOException {
        boolean french = lang != null ? lang.startsWith("fr") : "fr".equals(locale.getLanguage());
        List<ReceiptLine> lines = lines(user, id, audience, schoolClass);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // Excel reads UTF-8 only with it
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(
                writer,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(
                                french
                                        ? new String[] {
                                            "Nom",
                                            "Identifiant",
                                            "Profil",
                                            "Classes",
                                            "Ouvert",
                                            "Ouvert le",
                                            "Relancé le"
                                        }
                                        : new String[] {
                                            "Name",
                                            "Username",
                                            "Profile",
                                            "Classes",
                                            "Opened",
                                            "Opened at",
                                            "Reminded at"
                                        })
                        .get())) {
            for (ReceiptLine line : lines) {
                csv.printRecord(
                        line.name(),
                        line.user(),
                        line.profile().map(p -> profileName(p.code(), french)).orElse(""),
                        String.join(" ", line.classes()),
                        line.openedAt().isPresent() ? (french ? "oui" : "yes") : (french ? "non" : "no"),
                        line.openedAt().map(this::date).orElse(""),
                        line.remindedAt().map(this::date).orElse(""));
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"receipts.csv\"")
                .body(out.toByteArray());
    }

    private List<ReceiptLine> lines(LockerUser user, String id, String audience, String schoolClass) {
        return lockers.receipts(
                user.userId(),
                NodeId.of(id),
                DistributionController.audienceOf(audience),
                Optional.ofNullable(schoolClass).map(String::strip).filter(c -> !c.isEmpty()));
    }

    private String date(Instant instant) {
        return CSV_DATE.format(instant.atZone(zone));
    }

    private static String profileName(String code, boolean french) {
        return switch (code) {
            case "teacher" -> french ? "professeur" : "teacher";
            case "staff" -> french ? "personnel" : "staff";
            case "counselor" -> french ? "conseiller" : "counselor";
            case "guardian" -> french ? "responsable" : "guardian";
            case "student" -> french ? "élève" : "student";
            case "administrator" -> french ? "administrateur" : "administrator";
            default -> code;
        };
    }
}
