package org.locker.service.locker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.locker.core.locker.Lockers;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's side of lockers: settings and reconciling windows now (the audit trail: AuditController). */
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
