package org.locker.core.locker;

import java.util.List;
import java.util.Optional;
import org.locker.core.audit.AuditAction;
import org.locker.core.audit.AuditTrail;
import org.locker.core.locker.Lockers.Settings;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The administrator's settings of lockers: document types, whether guardians may deposit and whether
 * macro-enabled Office documents are accepted.
 */
final class LockerSettings {

    private final ContentPlatform platform;
    private final DepositStore store;
    private final AuditTrail audit;

    LockerSettings(ContentPlatform platform, DepositStore store, AuditTrail audit) {
        this.platform = platform;
        this.store = store;
        this.audit = audit;
    }

    Settings settings() {
        try (PlatformSession session = platform.systemSession()) {
            return store.settings(session);
        }
    }

    /** The document types with their labels, in the administrator's order. */
    List<DocumentType> documentTypes() {
        try (PlatformSession session = platform.systemSession()) {
            return store.documentTypes(session);
        }
    }

    /**
     * Changes what is given, keeps the rest; audited. A type given by its label gets a code derived from it
     * ({@link DocumentTypeNaming}); a type given with its code keeps it.
     */
    Settings update(
            UserId admin,
            Optional<List<DocumentType>> documentTypes,
            Optional<Boolean> guardianExchange,
            Optional<Boolean> macroEnabledDocuments) {
        try (PlatformSession session = platform.systemSession()) {
            Settings current = store.settings(session);
            List<DocumentType> types =
                    documentTypes.map(DocumentTypeNaming::checked).orElseGet(() -> store.documentTypes(session));
            Settings changed = new Settings(
                    types.stream().map(DocumentType::code).toList(),
                    guardianExchange.orElse(current.guardianExchange()),
                    macroEnabledDocuments.orElse(current.macroEnabledDocuments()));
            store.saveSettings(session, changed, types);
            audit.record(
                    session,
                    AuditAction.SETTINGS_CHANGED,
                    admin,
                    "",
                    "",
                    "types=" + changed.documentTypes()
                            + " guardianExchange=" + changed.guardianExchange()
                            + " macroEnabledDocuments=" + changed.macroEnabledDocuments());
            session.save();
            return changed;
        }
    }

    /** Today's form: each entry a code ("CIRCULAR") or a label ("Autorisation de sortie") whose code is derived. */
    static List<DocumentType> fromTexts(List<String> texts) {
        return texts.stream().map(DocumentTypeNaming::fromText).toList();
    }
}
