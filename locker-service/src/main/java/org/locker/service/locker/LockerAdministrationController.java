package org.locker.service.locker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.locker.core.locker.DocumentType;
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

    /**
     * @param documentTypes the codes (as before labels existed)
     * @param types the same types with their labels
     * @param macroEnabledDocuments whether macro-enabled Office documents (docm, xlsm, pptm, ...) are accepted
     */
    record SettingsView(
            List<String> documentTypes,
            List<MyLockerController.DocumentTypeView> types,
            boolean guardianExchange,
            boolean macroEnabledDocuments) {
        static SettingsView of(Lockers.Settings settings, List<DocumentType> types) {
            return new SettingsView(
                    settings.documentTypes(),
                    types.stream().map(MyLockerController.DocumentTypeView::of).toList(),
                    settings.guardianExchange(),
                    settings.macroEnabledDocuments());
        }
    }

    /** A document type to keep (with its code) or to add (labels only: the code is derived from them). */
    record TypeChange(String code, String en, String fr) {}

    /**
     * @param documentTypes codes or labels, one per type (today's form)
     * @param types the types with their labels; wins over {@code documentTypes} when both are given
     */
    record SettingsChange(
            List<String> documentTypes,
            List<TypeChange> types,
            Boolean guardianExchange,
            Boolean macroEnabledDocuments) {}

    @GetMapping("/settings")
    @PreAuthorize(Roles.ADMINISTRATOR)
    @Operation(
            summary = "The document type vocabulary, whether guardians may exchange documents and whether "
                    + "macro-enabled Office documents are accepted")
    SettingsView settings() {
        return SettingsView.of(lockers.settings(), lockers.documentTypes());
    }

    @PutMapping("/settings")
    @PreAuthorize(Roles.ADMINISTRATOR)
    @Operation(
            summary = "Change the document types, the guardian document exchange and/or whether macro-enabled "
                    + "Office documents are accepted. A type given by its label gets a code derived from it "
                    + "(accents folded: 'Autorisation de sortie' is AUTORISATION_DE_SORTIE); a type given with its "
                    + "code keeps it (DOCUMENT_TYPE_CLASH when two types come to one code)")
    SettingsView updateSettings(@AuthenticationPrincipal LockerUser user, @RequestBody SettingsChange change) {
        Lockers.Settings changed;
        if (change.types() != null) {
            changed = lockers.updateSettingsWithLabels(
                    user.userId(),
                    Optional.of(change.types().stream()
                            .map(t -> t == null
                                    ? null
                                    : new DocumentType(t.code() == null ? "" : t.code(), t.en(), t.fr()))
                            .toList()),
                    Optional.ofNullable(change.guardianExchange()),
                    Optional.ofNullable(change.macroEnabledDocuments()));
        } else {
            changed = lockers.updateSettings(
                    user.userId(),
                    Optional.ofNullable(change.documentTypes()),
                    Optional.ofNullable(change.guardianExchange()),
                    Optional.ofNullable(change.macroEnabledDocuments()));
        }
        return SettingsView.of(changed, lockers.documentTypes());
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
