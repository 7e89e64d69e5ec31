package org.locker.service.collect;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locker.core.collect.CollectRequests;
import org.locker.core.collect.CollectRequests.FileView;
import org.locker.core.collect.CollectRequests.SlotView;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.platform.Content;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;
import org.locker.service.LockerProperties;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * What the requester (and staff) take away: everything handed in as one zip, streamed a file at a time and read as
 * the user, its entries named {@code <Class> - <Last First> - <file>}; the states as CSV (UTF-8 with a byte order
 * mark, as the distributions' CSV). Both are audited (who read the families' documents) before they are served.
 */
@RestController
@RequestMapping("/api/v1/collect-requests")
@Tag(name = "collect requests", description = "Documents asked of families and students by a deadline")
class CollectExportController {

    private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CollectRequests collect;
    private final SchoolDirectory directory;
    private final ZoneId zone;

    CollectExportController(CollectRequests collect, SchoolDirectory directory, LockerProperties properties) {
        this.collect = collect;
        this.directory = directory;
        this.zone = properties.timeZone();
    }

    @GetMapping(path = "/{id}/handed-in.zip", produces = "application/zip")
    @PreAuthorize(Roles.PERSONNEL)
    @Operation(summary = "Everything handed in, as one zip streamed; entries '<Class> - <Last First> - <file>'")
    ResponseEntity<StreamingResponseBody> zip(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        UserId reader = user.userId();
        // checks the user's right, and audits the download, before the answer starts
        CollectRequests.RequestWithSlots table = collect.downloadHandedIn(reader, NodeId.of(id));
        CollectPeople people = new CollectPeople(directory);
        List<SlotView> slots = CollectRequestController.sorted(table.slots(), people);
        StreamingResponseBody body = out -> {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            Set<String> names = new HashSet<>();
            for (SlotView slot : slots) {
                for (FileView file : slot.files()) {
                    zip.putNextEntry(new ZipEntry(unique(entryName(slot, file, people), names)));
                    try (Content content = collect.open(reader, NodeId.of(file.id()));
                            InputStream in = content.stream()) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
            zip.finish();
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(safe(table.request().title()) + ".zip", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    @GetMapping(path = "/{id}/states.csv", produces = "text/csv")
    @PreAuthorize(Roles.PERSONNEL)
    @Operation(
            summary = "The states as CSV (UTF-8 with a byte order mark): class, name, username, child, state, handed"
                    + " in at, files, reminded at; class=<code> to filter, lang=fr|en for the headings")
    ResponseEntity<byte[]> csv(
            @AuthenticationPrincipal LockerUser user,
            @PathVariable String id,
            @RequestParam(name = "class", required = false) String schoolClass,
            @RequestParam(required = false) String lang,
            Locale locale)
            throws IOException {
        boolean french = lang != null ? lang.startsWith("fr") : "fr".equals(locale.getLanguage());
        Optional<String> onlyClass =
                Optional.ofNullable(schoolClass).map(String::strip).filter(c -> !c.isEmpty());
        CollectRequests.RequestWithSlots table = collect.exportStates(user.userId(), NodeId.of(id), onlyClass);
        CollectPeople people = new CollectPeople(directory);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // Excel reads UTF-8 only with it
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String[] header = french
                ? new String[] {"Classe", "Nom", "Identifiant", "Enfant", "État", "Remis le", "Fichiers", "Relancé le"}
                : new String[] {"Class", "Name", "Username", "Child", "State", "Handed in at", "Files", "Reminded at"};
        try (CSVPrinter csv = new CSVPrinter(
                writer, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            for (SlotView slot : CollectRequestController.sorted(table.slots(), people)) {
                if (onlyClass.filter(c -> !slot.classCode().equals(c)).isPresent()) {
                    continue;
                }
                csv.printRecord(
                        slot.classCode(),
                        people.lastFirst(slot.target()),
                        slot.target(),
                        slot.child().map(people::child).orElse(""),
                        state(slot.state(), french),
                        slot.handedInAt().map(this::date).orElse(""),
                        String.join(
                                " | ", slot.files().stream().map(FileView::name).toList()),
                        slot.remindedAt().map(this::date).orElse(""));
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"states.csv\"")
                .body(out.toByteArray());
    }

    /** {@code <Class> - <Last First> - <file>}; per child the child, then the guardian who handed it in. */
    static String entryName(SlotView slot, FileView file, CollectPeople people) {
        String person = slot.child()
                .map(child -> people.lastFirst(child) + " (" + people.lastFirst(slot.target()) + ")")
                .orElse(people.lastFirst(slot.target()));
        String schoolClass = slot.classCode().isEmpty() ? "-" : slot.classCode();
        return safe(schoolClass) + " - " + safe(person) + " - " + safe(file.name());
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
        }
        return candidate;
    }

    /** No path separators nor control characters in an entry or file name. */
    private static String safe(String text) {
        return text.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    }

    private static String state(CollectRequests.SlotState state, boolean french) {
        return switch (state) {
            case HANDED_IN -> french ? "remis" : "handed in";
            case LATE -> french ? "en retard" : "late";
            case MISSING -> french ? "manquant" : "missing";
        };
    }

    private String date(Instant instant) {
        return CSV_DATE.format(instant.atZone(zone));
    }
}
