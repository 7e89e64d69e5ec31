package org.locker.service.locker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.locker.core.directory.ClassCode;
import org.locker.core.directory.ClassGroup;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.Version;
import org.locker.service.LockerProperties;
import org.locker.service.directory.PersonSummary;
import org.locker.service.directory.PersonView;
import org.locker.service.directory.PublicPersonView;
import org.locker.service.content.ContentResponses;
import org.locker.service.problem.LockerProblemException;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Digital lockers: deposits, my locker, my distributions, the audit trail and the administrator's settings. */
@RestController
@RequestMapping("/api/v1/lockers")
@Tag(name = "lockers", description = "Digital lockers: deposits, versions, distributions, read receipts, audit")
class LockerController {

    static final String LOCKER_OWNERS = "hasAnyRole('TEACHER','STAFF','COUNSELOR','GUARDIAN','ADMINISTRATOR')";

    private final Lockers lockers;
    private final FileInspector inspector;
    private final SchoolDirectory directory;
    private final ZoneId zone;
    private final WindowReconciler reconciler;
    private final org.locker.service.problem.ProblemResponses problems;

    LockerController(Lockers lockers, FileInspector inspector, SchoolDirectory directory,
                     LockerProperties properties, WindowReconciler reconciler,
                     org.locker.service.problem.ProblemResponses problems) {
        this.problems = problems;
        this.lockers = lockers;
        this.inspector = inspector;
        this.directory = directory;
        this.zone = properties.timeZone();
        this.reconciler = reconciler;
    }

    @ExceptionHandler(LockerRefusal.class)
    org.springframework.http.ProblemDetail refusal(LockerRefusal refusal, Locale locale) {
        HttpStatus status = refusal.reason().forbidden() ? HttpStatus.FORBIDDEN
                : refusal.reason() == Reason.UNKNOWN_DOCUMENT ? HttpStatus.NOT_FOUND
                : refusal.reason() == Reason.FILE_TOO_LARGE ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        return problems.problem(status, refusal.reason().name(), locale, refusal.arguments());
    }

    // ------------------------------------------------------------------ settings

    /** @param macroEnabledDocuments whether macro-enabled Office documents (docm, xlsm, pptm, ...) are accepted */
    record SettingsView(List<String> documentTypes, boolean guardianExchange, boolean macroEnabledDocuments) {
        static SettingsView of(Lockers.Settings settings) {
            return new SettingsView(settings.documentTypes(), settings.guardianExchange(),
                    settings.macroEnabledDocuments());
        }
    }

    record SettingsChange(List<String> documentTypes, Boolean guardianExchange, Boolean macroEnabledDocuments) {
    }

    @GetMapping("/settings")
    @PreAuthorize(Roles.ADMINISTRATOR)
    @Operation(summary = "The document type vocabulary, whether guardians may exchange documents and whether "
            + "macro-enabled Office documents are accepted")
    SettingsView settings() {
        return SettingsView.of(lockers.settings());
    }

    @PutMapping("/settings")
    @PreAuthorize(Roles.ADMINISTRATOR)
    @Operation(summary = "Change the document types, the guardian document exchange and/or whether macro-enabled "
            + "Office documents are accepted")
    SettingsView updateSettings(@AuthenticationPrincipal LockerUser user, @RequestBody SettingsChange change) {
        return SettingsView.of(lockers.updateSettings(user.userId(), Optional.ofNullable(change.documentTypes()),
                Optional.ofNullable(change.guardianExchange()), Optional.ofNullable(change.macroEnabledDocuments())));
    }

    /** @param mayDeposit whether the caller may deposit now (guardians: when the establishment allows it) */
    record Capabilities(boolean mayDeposit) {
    }

    @GetMapping("/capabilities")
    @PreAuthorize(Roles.ANY_PROFILE)
    @Operation(summary = "What the caller may do with lockers, so that an interface offers only allowed actions")
    Capabilities capabilities(@AuthenticationPrincipal LockerUser user) {
        boolean mayDeposit = switch (user.profile()) {
            case STUDENT -> false;
            case GUARDIAN -> lockers.settings().guardianExchange();
            default -> true;
        };
        return new Capabilities(mayDeposit);
    }

    @GetMapping("/document-types")
    @PreAuthorize(LOCKER_OWNERS)
    @Operation(summary = "The document types a depositor may choose")
    List<String> documentTypes() {
        return lockers.settings().documentTypes();
    }

    // ------------------------------------------------------------------ candidates

    record CandidateGroup(String selector, String classCode, String className,
                          List<? extends PersonSummary> members) {
    }

    /**
     * @param wholeCategory the selector of the whole category, for the establishment (guardians deposit to the
     *                      people they choose, never to a whole category)
     * @param persons       the establishment sees {@link PersonView}s; guardians see {@link PublicPersonView}s
     */
    record Candidates(String category, String wholeCategory, List<? extends PersonSummary> persons,
                      List<CandidateGroup> byClass) {
    }

    @GetMapping("/candidates")
    @PreAuthorize(LOCKER_OWNERS)
    @Operation(summary = "Candidates for the recipient dialog of a category (teacher, staff, counselor, guardian, "
            + "team), searchable, grouped by class where that applies; selectors to send in 'recipients'. "
            + "Guardians get the personnel only, with the classes of their children, and the teams of those classes")
    Candidates candidates(@AuthenticationPrincipal LockerUser user, @RequestParam String category,
                          @RequestParam(defaultValue = "") String q) {
        boolean guardian = user.profile() == Profile.GUARDIAN;
        // a guardian sees people in the context of their children's classes only
        Optional<Set<ClassCode>> family = guardian ? Optional.of(directory.familyClasses(user.userId()))
                : Optional.empty();
        if (category.equals("team")) {
            return new Candidates("team", null, List.of(), classGroups(ClassGroup.TEAM, q, family));
        }
        Profile profile = Profile.fromCode(category).filter(p -> p.isPersonnel() || p == Profile.GUARDIAN)
                .orElseThrow(() -> new LockerProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                        "category=" + category));
        if (guardian && !profile.isPersonnel()) {
            throw new LockerRefusal(Reason.CATEGORY_NOT_ALLOWED, category);
        }
        List<? extends PersonSummary> persons = views(directory.search(profile, q, 5_000), family);
        List<CandidateGroup> groups = profile == Profile.GUARDIAN ? classGroups(ClassGroup.GUARDIANS, q, family)
                : profile == Profile.TEACHER || profile == Profile.STAFF ? classGroups(ClassGroup.TEAM, q, family)
                .stream().map(g -> new CandidateGroup(null, g.classCode(), g.className(), g.members().stream()
                        .filter(m -> m.profile().equals(profile.code())).toList()))
                .filter(g -> !g.members().isEmpty()).toList() : List.of();
        return new Candidates(profile.code(), guardian ? null : "category:" + profile.code(), persons, groups);
    }

    private static List<? extends PersonSummary> views(List<Person> persons, Optional<Set<ClassCode>> family) {
        return family.<List<? extends PersonSummary>>map(classes -> persons.stream()
                .map(p -> PublicPersonView.of(p, classes)).toList())
                .orElseGet(() -> persons.stream().map(PersonView::of).toList());
    }

    /** The groups of each class (only the family's classes when {@code family} is given). */
    private List<CandidateGroup> classGroups(ClassGroup kind, String q, Optional<Set<ClassCode>> family) {
        String term = q.toLowerCase(Locale.ROOT);
        List<CandidateGroup> groups = new ArrayList<>();
        for (SchoolDirectory.ClassSummary summary : directory.classes()) {
            if (family.isPresent() && !family.get().contains(summary.schoolClass().code())) {
                continue;
            }
            directory.classDetail(summary.schoolClass().code()).ifPresent(detail -> {
                List<Person> members = kind == ClassGroup.TEAM ? detail.team() : detail.guardians();
                List<Person> matching = members.stream().filter(p -> term.isEmpty()
                        || p.displayName().toLowerCase(Locale.ROOT).contains(term)
                        || p.id().value().contains(term)
                        || detail.schoolClass().name().toLowerCase(Locale.ROOT).contains(term)).toList();
                String code = detail.schoolClass().code().value();
                groups.add(new CandidateGroup((kind == ClassGroup.TEAM ? "team:" : "guardians:") + code, code,
                        detail.schoolClass().name(), views(matching, family)));
            });
        }
        return groups;
    }

    // ------------------------------------------------------------------ depositing

    record DepositedView(String id, String depositId, String name, String version) {
    }

    @PostMapping(path = "/deposits", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.ANY_PROFILE)
    @Operation(summary = "Deposit one or several files (parts 'file'), or a platform document the depositor can "
            + "read ('fromNode', copied), with a type, optional name and memo, recipients (user:<id>, "
            + "category:<teacher|staff|counselor|guardian>, team:<class>, guardians:<class>), options standing "
            + "and allowModify, and publishFrom/publishTo (date or date-time, establishment time zone) for guardians")
    List<DepositedView> deposit(@AuthenticationPrincipal LockerUser user,
                                @RequestPart(name = "file", required = false) List<MultipartFile> files,
                                @RequestParam(required = false) String fromNode,
                                @RequestParam(required = false) String documentType,
                                @RequestParam(required = false) String name,
                                @RequestParam(required = false) String memo,
                                @RequestParam(name = "recipients", required = false) List<String> recipients,
                                @RequestParam(defaultValue = "false") boolean standing,
                                @RequestParam(defaultValue = "false") boolean allowModify,
                                @RequestParam(required = false) String publishFrom,
                                @RequestParam(required = false) String publishTo) throws IOException {
        DepositRequest request = new DepositRequest(documentType, memo, recipients, standing, allowModify,
                instant(publishFrom, false), instant(publishTo, true));
        Lockers.PreparedDeposit prepared = lockers.prepare(user.userId(), user.profile(), request);
        List<MultipartFile> uploads = files == null ? List.of() : files;
        if (fromNode != null && !fromNode.isBlank()) {
            if (!uploads.isEmpty()) {
                throw new LockerRefusal(Reason.NO_FILE);
            }
            return lockers.depositCopy(prepared, user.userId(), NodeId.of(fromNode),
                    name == null || name.isBlank() ? Optional.empty() : Optional.of(name), (sourceName, opener) -> {
                        FileInspector.Inspected inspected = inspector.inspectStored(sourceName, opener,
                                this::macrosAllowed);
                        return new Lockers.DepositFile(inspected.name(),
                                new ContentSource(InputStream.nullInputStream(), inspected.mimeType()));
                    }).stream()
                    .map(d -> new DepositedView(d.id().value(), d.depositId(), d.name(), d.version())).toList();
        }
        if (uploads.isEmpty()) {
            throw new LockerRefusal(Reason.NO_FILE);
        }
        if (uploads.size() > 1 && name != null && !name.isBlank()) {
            throw new LockerRefusal(Reason.INVALID_NAME, name);
        }
        // judge every file before storing any
        List<FileInspector.Inspected> inspected = new ArrayList<>();
        for (MultipartFile file : uploads) {
            inspected.add(inspector.inspect(file, name, this::macrosAllowed));
        }
        List<InputStream> streams = new ArrayList<>();
        try {
            List<Lockers.DepositFile> depositFiles = new ArrayList<>();
            for (int i = 0; i < uploads.size(); i++) {
                InputStream stream = uploads.get(i).getInputStream();
                streams.add(stream);
                depositFiles.add(new Lockers.DepositFile(inspected.get(i).name(),
                        new ContentSource(stream, inspected.get(i).mimeType())));
            }
            return lockers.deposit(prepared, depositFiles).stream()
                    .map(d -> new DepositedView(d.id().value(), d.depositId(), d.name(), d.version())).toList();
        } finally {
            for (InputStream stream : streams) {
                stream.close();
            }
        }
    }

    /** A date (start of that day; for an end, the start of the next day) or a date-time, in the establishment's zone. */
    private Optional<Instant> instant(String value, boolean end) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return Optional.of((end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant());
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            }
            return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new LockerRefusal(Reason.WINDOW_INVALID, value);
        }
    }

    // ------------------------------------------------------------------ my locker

    record LockerEntryView(String id, String depositId, String name, String documentType, String memo,
                           String depositor, Instant depositedAt, String version, boolean opened, boolean canModify,
                           String mimeType, long size, Instant publishFrom, Instant publishTo) {
        static LockerEntryView of(Lockers.LockerEntry e) {
            return new LockerEntryView(e.id().value(), e.depositId(), e.name(), e.documentType(), e.memo(),
                    e.depositor(), e.depositedAt(), e.version(), e.opened(), e.canModify(), e.mimeType(), e.size(),
                    e.publishFrom().orElse(null), e.publishTo().orElse(null));
        }
    }

    @GetMapping("/mine")
    @PreAuthorize(LOCKER_OWNERS)
    @Operation(summary = "My locker: unread first, then newest; filters type, depositor, from/to (deposit date)")
    List<LockerEntryView> mine(@AuthenticationPrincipal LockerUser user,
                               @RequestParam(required = false) String type,
                               @RequestParam(required = false) String depositor,
                               @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        Lockers.LockerFilter filter = new Lockers.LockerFilter(Optional.ofNullable(type),
                Optional.ofNullable(depositor), parameterInstant(from, false), parameterInstant(to, true));
        return lockers.locker(user.userId(), filter).stream().map(LockerEntryView::of).toList();
    }

    private Optional<Instant> parameterInstant(String value, boolean end) {
        try {
            return instant(value, end);
        } catch (LockerRefusal e) {
            throw new LockerProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", value);
        }
    }

    @GetMapping("/documents/{id}/content")
    @PreAuthorize(LOCKER_OWNERS)
    @Operation(summary = "Download a document (streamed); records the opening for its recipients")
    ResponseEntity<StreamingResponseBody> download(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        return ContentResponses.download(lockers.open(user.userId(), NodeId.of(id)));
    }

    record VersionView(String label, Instant created, String author, String comment, String mimeType, long size) {
        static VersionView of(Version v) {
            return new VersionView(v.label(), v.created(), v.author(), v.comment(), v.content().mimeType(),
                    v.content().size());
        }
    }

    @GetMapping("/documents/{id}/versions")
    @PreAuthorize(LOCKER_OWNERS)
    @Operation(summary = "Version history of a document (who, when, comment), oldest first")
    List<VersionView> versions(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        return lockers.versions(user.userId(), NodeId.of(id)).stream().map(VersionView::of).toList();
    }

    @PostMapping(path = "/documents/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(LOCKER_OWNERS)
    @Operation(summary = "A new version (part 'file'), by the depositor (update in place) or by a recipient "
            + "allowed to modify; refused by the platform otherwise (403 DOCUMENT_READ_ONLY); judged like a deposit, "
            + "and refused (400 VERSION_TYPE_MISMATCH) when its detected type is not the document's")
    VersionView addVersion(@AuthenticationPrincipal LockerUser user, @PathVariable String id,
                           @RequestPart(name = "file", required = false) MultipartFile file,
                           @RequestParam(defaultValue = "") String comment) throws IOException {
        inspector.checkSize(file);
        // judged as the document's new content: refused unless its detected type is the document's
        try (InputStream stream = file.getInputStream()) {
            return VersionView.of(lockers.addVersion(user.userId(), NodeId.of(id), documentName ->
                    new ContentSource(stream, inspector.inspectVersion(file, documentName, this::macrosAllowed)),
                    comment));
        }
    }

    /** The administrator's setting, read only when a macro-enabled document is judged. */
    private boolean macrosAllowed() {
        return lockers.settings().macroEnabledDocuments();
    }

    // ------------------------------------------------------------------ depositor's side

    record ReceiptView(String user, boolean opened, Instant openedAt) {
    }

    record DistributionView(String id, String depositId, String name, String documentType, String memo,
                            Instant depositedAt, List<String> selection, List<String> recipients, boolean standing,
                            boolean allowModify, Instant publishFrom, Instant publishTo, String windowState,
                            int versions, boolean withdrawn, List<ReceiptView> receipts, List<String> openedBy,
                            List<String> notOpenedBy) {
        static DistributionView of(Lockers.Distribution d) {
            List<ReceiptView> receipts = d.receipts().stream()
                    .map(r -> new ReceiptView(r.user(), r.openedAt().isPresent(), r.openedAt().orElse(null))).toList();
            return new DistributionView(d.id().value(), d.depositId(), d.name(), d.documentType(), d.memo(),
                    d.depositedAt(), d.selection(), d.recipients(), d.standing(), d.allowModify(),
                    d.publishFrom().orElse(null), d.publishTo().orElse(null), d.windowState(), d.versions(),
                    d.withdrawn(), receipts,
                    receipts.stream().filter(ReceiptView::opened).map(ReceiptView::user).toList(),
                    receipts.stream().filter(r -> !r.opened()).map(ReceiptView::user).toList());
        }
    }

    @GetMapping("/distributions")
    @PreAuthorize(LOCKER_OWNERS)
    @Operation(summary = "My distributions: my deposits with recipients, window, versions and read receipts")
    List<DistributionView> distributions(@AuthenticationPrincipal LockerUser user) {
        return lockers.distributions(user.userId()).stream().map(DistributionView::of).toList();
    }

    @DeleteMapping("/documents/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(LOCKER_OWNERS)
    @Operation(summary = "Withdraw my deposit: it leaves every locker; the audit trail keeps the record")
    void withdraw(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        lockers.withdraw(user.userId(), NodeId.of(id));
    }

    // ------------------------------------------------------------------ administration

    record AuditView(Instant at, String action, String actor, String depositId, String document, String detail) {
    }

    @GetMapping("/audit")
    @PreAuthorize(Roles.ADMINISTRATOR)
    @Operation(summary = "The audit trail (deposits, openings, new versions, withdrawals), oldest first")
    List<AuditView> audit(@RequestParam(required = false) String depositId) {
        return lockers.audit(Optional.ofNullable(depositId)).stream().map(e -> new AuditView(e.at(), e.action(),
                e.actor(), e.depositId(), e.documentName(), e.detail())).toList();
    }

    @GetMapping(path = "/audit.csv", produces = "text/csv")
    @PreAuthorize(Roles.ADMINISTRATOR)
    @Operation(summary = "The audit trail as CSV")
    ResponseEntity<StreamingResponseBody> auditCsv() {
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            lockers.writeAuditCsv(writer);
            writer.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"locker-audit.csv\"").body(body);
    }

    /** Publication windows opened and closed by this run (deposits with the same dates and guardians share one). */
    record ReconcileView(int opened, int closed) {
    }

    @PostMapping("/windows/reconcile")
    @PreAuthorize(Roles.ADMINISTRATOR)
    @Operation(summary = "Reconcile guardians' publication windows now (also done at start-up and every minute)")
    ReconcileView reconcile() {
        Lockers.ReconcileReport report = reconciler.run();
        return new ReconcileView(report.opened(), report.closed());
    }
}
