package org.locker.service.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locker.core.audit.AuditAction;
import org.locker.core.audit.AuditFilter;
import org.locker.core.audit.AuditTrail;
import org.locker.core.directory.Person;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.platform.UserId;
import org.locker.service.LockerProperties;
import org.locker.service.problem.LockerProblemException;
import org.locker.service.security.Roles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The establishment's audit trail for administrators, filtered by deposit, person, action and dates, as JSON (with
 * each person's name) and as CSV (the columns it always had). Served at {@code /api/v1/audit} and, as before the
 * trail covered discussions and imports, at {@code /api/v1/lockers/audit}.
 */
@RestController
@Tag(name = "audit", description = "Who did what, when: lockers, discussion settings, directory imports, sign-in locks")
class AuditController {

    private final AuditTrail audit;
    private final SchoolDirectory directory;
    private final ZoneId zone;

    AuditController(AuditTrail audit, SchoolDirectory directory, LockerProperties properties) {
        this.audit = audit;
        this.directory = directory;
        this.zone = properties.timeZone();
    }

    /** @param actorName the actor's name in the directory, or empty (someone unknown, as a sign-in lock may be) */
    record AuditView(
            Instant at,
            String action,
            String actor,
            String actorName,
            String depositId,
            String document,
            String detail) {}

    @GetMapping({"/api/v1/audit", "/api/v1/lockers/audit"})
    @PreAuthorize(Roles.ADMINISTRATOR)
    @Operation(
            summary = "The audit trail, oldest first: all of it, or the lines of a deposit, of a person (actor), of"
                    + " an action, and from/to dates (inclusive, yyyy-MM-dd, in the establishment's time zone)")
    List<AuditView> audit(
            @RequestParam(required = false) String depositId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Map<String, String> names = new HashMap<>();
        return audit.entries(filter(depositId, actor, action, from, to)).stream()
                .map(e -> new AuditView(
                        e.at(),
                        e.action(),
                        e.actor(),
                        names.computeIfAbsent(e.actor(), this::nameOf),
                        e.depositId(),
                        e.documentName(),
                        e.detail()))
                .toList();
    }

    @GetMapping(
            path = {"/api/v1/audit.csv", "/api/v1/lockers/audit.csv"},
            produces = "text/csv")
    @PreAuthorize(Roles.ADMINISTRATOR)
    @Operation(summary = "The audit trail as CSV, with the same filters")
    ResponseEntity<StreamingResponseBody> auditCsv(
            @RequestParam(required = false) String depositId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        AuditFilter filter = filter(depositId, actor, action, from, to);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            audit.writeCsv(writer, filter);
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"locker-audit.csv\"")
                .body(body);
    }

    private AuditFilter filter(String depositId, String actor, String action, LocalDate from, LocalDate to) {
        AuditFilter filter = AuditFilter.all();
        if (present(depositId)) {
            filter = filter.withDeposit(depositId.strip());
        }
        if (present(actor)) {
            filter = filter.withActor(actor.strip());
        }
        if (present(action)) {
            String name = action.strip();
            if (Arrays.stream(AuditAction.values()).noneMatch(a -> a.name().equals(name))) {
                throw new LockerProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "action=" + name);
            }
            filter = filter.withAction(name);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new LockerProblemException(
                    HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "to=" + to + " < from=" + from);
        }
        // whole days in the establishment's time zone: "to" includes its day
        return filter.between(
                Optional.ofNullable(from).map(d -> d.atStartOfDay(zone).toInstant()),
                Optional.ofNullable(to)
                        .map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private String nameOf(String actor) {
        if (!UserId.isValid(actor)) {
            return "";
        }
        return directory.person(UserId.of(actor)).map(Person::displayName).orElse("");
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
