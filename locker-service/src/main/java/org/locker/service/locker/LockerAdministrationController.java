package org.locker.service.locker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locker.core.locker.Lockers;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The administrator's side of lockers: settings, the audit trail (JSON and CSV) and reconciling windows now. */
@RestController
@RequestMapping("/api/v1/lockers")
@Tag(name = "lockers", description = "Digital lockers: deposits, versions, distributions, read receipts, audit")
class LockerAdministrationController {

    private final Lockers lockers;
    private final WindowReconciler reconciler;

    LockerAdministrationController(Lockers lockers, WindowReconciler reconciler) {
        this.lockers = lockers;
        this.reconciler = reconciler;
    }

    /** @param macroEnabledDocuments whether macro-enabled Office documents (docm, xlsm, pptm, ...) are accepted */
    record SettingsView(List<String> documentTypes, boolean guardianExchange, boolean macroEnabledDocuments) {
        static SettingsView of(Lockers.Settings settings) {
            return new SettingsView(
                    settings.documentTypes(), settings.guardianExchange(), settings.macroEnabledDocuments());
        }
    }

    record SettingsChange(List<String> documentTypes, Boolean guardianExchange, Boolean macroEnabledDocuments) {}

    @GetMapping("/settings")
    @PreAuthorize(Roles.ADMINISTRATOR)
    @Operation(
            summary = "The document type vocabulary, whether guardians may exchange documents and whether "
                    + "macro-enabled Office documents are accepted")
    SettingsView settings() {
        return SettingsView.of(lockers.settings());
    }

    @PutMapping("/settings")
    @PreAuthorize(Roles.ADMINISTRATOR)
    @Operation(
            summary = "Change the document types, the guardian document exchange and/or whether macro-enabled "
                    + "Office documents are accepted")
    SettingsView updateSettings(@AuthenticationPrincipal LockerUser user, @RequestBody SettingsChange change) {
        return SettingsView.of(lockers.updateSettings(
                user.userId(),
                Optional.ofNullable(change.documentTypes()),
                Optional.ofNullable(change.guardianExchange()),
                Optional.ofNullable(change.macroEnabledDocuments())));
    }

    record AuditView(Instant at, String action, String actor, String depositId, String document, String detail) {}

    @GetMapping("/audit")
    @PreAuthorize(Roles.ADMINISTRATOR)
    @Operation(summary = "The audit trail (deposits, openings, new versions, withdrawals), oldest first")
    List<AuditView> audit(@RequestParam(required = false) String depositId) {
        return lockers.audit(Optional.ofNullable(depositId)).stream()
                .map(e -> new AuditView(e.at(), e.action(), e.actor(), e.depositId(), e.documentName(), e.detail()))
                .toList();
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
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"locker-audit.csv\"")
                .body(body);
    }

    /** Publication windows opened and closed by this run (deposits with the same dates and guardians share one). */
    record ReconcileView(int opened, int closed) {}

    @PostMapping("/windows/reconcile")
    @PreAuthorize(Roles.ADMINISTRATOR)
    @Operation(summary = "Reconcile guardians' publication windows now (also done at start-up and every minute)")
    ReconcileView reconcile() {
        Lockers.ReconcileReport report = reconciler.run();
        return new ReconcileView(report.opened(), report.closed());
    }
}
