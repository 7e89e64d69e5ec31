package org.locker.service.collect;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locker.core.collect.CollectRequests;
import org.locker.core.collect.CollectRequests.LatePolicy;
import org.locker.core.collect.CollectRequests.Mode;
import org.locker.core.collect.CollectRequests.SlotView;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;
import org.locker.service.LockerProperties;
import org.locker.service.problem.LockerProblemException;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The requester's side of collect requests: create, list, the per-target table, publish, withdraw, remind. */
@RestController
@RequestMapping("/api/v1/collect-requests")
@Tag(name = "collect requests", description = "Documents asked of families and students by a deadline")
class CollectRequestController {

    private final CollectRequests collect;
    private final SchoolDirectory directory;
    private final ZoneId zone;

    CollectRequestController(CollectRequests collect, SchoolDirectory directory, LockerProperties properties) {
        this.collect = collect;
        this.directory = directory;
        this.zone = properties.timeZone();
    }

    /**
     * A new request. Dates are a day ({@code 2026-03-10}: a deadline at 23:59 that day, a publication at its
     * start) or a date-time, in the establishment's time zone unless an offset is given.
     */
    record NewRequestJson(
            String title,
            String instructions,
            String documentType,
            List<String> targets,
            String mode,
            String deadline,
            String latePolicy,
            List<String> staff,
            Boolean draft,
            String publishAt,
            Integer remindDaysBefore) {}

    record RemindedJson(int reminded, Instant at) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.PERSONNEL)
    @Operation(
            summary = "Ask for a document: title, instructions, documentType, targets (guardians:<class>,"
                    + " students:<class>, user:<guardian>), mode (ONE_PER_GUARDIAN, ONE_PER_GUARDIAN_PER_CHILD,"
                    + " ONE_PER_STUDENT), deadline, latePolicy (REFUSE, ACCEPT_MARKED_LATE), staff who may read the"
                    + " hand-ins, draft, publishAt, remindDaysBefore (automatic reminder, 0: none)")
    CollectViewsJson.RequestJson create(@AuthenticationPrincipal LockerUser user, @RequestBody NewRequestJson body) {
        CollectRequests.NewRequest request = new CollectRequests.NewRequest(
                body.title(),
                body.instructions(),
                body.documentType(),
                body.targets(),
                mode(body.mode()),
                date(body.deadline(), true).orElse(null),
                latePolicy(body.latePolicy()),
                body.staff() == null
                        ? List.of()
                        : body.staff().stream()
                                .map(CollectRequestController::user)
                                .toList(),
                Boolean.TRUE.equals(body.draft()),
                date(body.publishAt(), false),
                body.remindDaysBefore() == null ? 0 : body.remindDaysBefore());
        return CollectViewsJson.request(
                collect.create(user.userId(), user.profile(), request), new CollectPeople(directory));
    }

    @GetMapping
    @PreAuthorize(Roles.PERSONNEL)
    @Operation(summary = "The requests I made or was named staff of, latest deadline first")
    List<CollectViewsJson.RequestJson> mine(@AuthenticationPrincipal LockerUser user) {
        CollectPeople people = new CollectPeople(directory);
        return collect.mine(user.userId()).stream()
                .map(r -> CollectViewsJson.request(r, people))
                .toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.PERSONNEL)
    @Operation(
            summary = "A request with one line per expected hand-in (target by name, child, class, state: HANDED_IN,"
                    + " LATE, MISSING), counts, and the classes to filter by (class=<code>); its requester and staff")
    CollectViewsJson.TableJson table(
            @AuthenticationPrincipal LockerUser user,
            @PathVariable String id,
            @RequestParam(name = "class", required = false) String schoolClass) {
        CollectRequests.RequestWithSlots table = collect.table(user.userId(), NodeId.of(id));
        CollectPeople people = new CollectPeople(directory);
        List<SlotView> slots = sorted(table.slots(), people);
        List<String> classes = slots.stream()
                .map(SlotView::classCode)
                .filter(c -> !c.isEmpty())
                .distinct()
                .sorted()
                .toList();
        List<SlotView> shown = schoolClass == null || schoolClass.isBlank()
                ? slots
                : slots.stream()
                        .filter(s -> s.classCode().equals(schoolClass.strip()))
                        .toList();
        return new CollectViewsJson.TableJson(
                CollectViewsJson.request(table.request(), people),
                CollectViewsJson.counts(shown),
                classes,
                shown.stream().map(s -> CollectViewsJson.row(s, people)).toList());
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize(Roles.PERSONNEL)
    @Operation(summary = "Publish my draft now, or at publishAt (a day or a date-time)")
    CollectViewsJson.RequestJson publish(
            @AuthenticationPrincipal LockerUser user,
            @PathVariable String id,
            @RequestParam(required = false) String publishAt) {
        return CollectViewsJson.request(
                collect.publish(user.userId(), NodeId.of(id), date(publishAt, false)), new CollectPeople(directory));
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize(Roles.PERSONNEL)
    @Operation(summary = "Withdraw my request: nothing more is handed in; what was stays readable")
    CollectViewsJson.RequestJson withdraw(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        return CollectViewsJson.request(collect.withdraw(user.userId(), NodeId.of(id)), new CollectPeople(directory));
    }

    @PostMapping("/{id}/reminders")
    @PreAuthorize(Roles.PERSONNEL)
    @Operation(summary = "Remind those who have not handed in: once in 24 hours; only the requester")
    RemindedJson remind(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        CollectRequests.Reminded reminded = collect.remind(user.userId(), NodeId.of(id));
        return new RemindedJson(reminded.users().size(), reminded.at());
    }

    /** By class, then by name, then child. */
    static List<SlotView> sorted(List<SlotView> slots, CollectPeople people) {
        return slots.stream()
                .sorted(Comparator.comparing(SlotView::classCode)
                        .thenComparing(s -> people.lastFirst(s.target()).toLowerCase(Locale.ROOT))
                        .thenComparing(s -> s.child().map(people::lastFirst).orElse("")))
                .toList();
    }

    private static UserId user(String id) {
        if (!UserId.isValid(id)) {
            throw new LockerProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "staff: " + id);
        }
        return UserId.of(id);
    }

    private static Mode mode(String value) {
        try {
            return value == null ? null : Mode.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new LockerProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "mode: " + value);
        }
    }

    private static LatePolicy latePolicy(String value) {
        try {
            return value == null || value.isBlank() ? LatePolicy.REFUSE : LatePolicy.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new LockerProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "latePolicy: " + value);
        }
    }

    /** A day (the end of it for a deadline, its start otherwise) or a date-time, in the establishment's zone. */
    private Optional<Instant> date(String value, boolean end) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return Optional.of(
                        end
                                ? day.atTime(23, 59).atZone(zone).toInstant()
                                : day.atStartOfDay(zone).toInstant());
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            }
            return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new LockerProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", value);
        }
    }
}
