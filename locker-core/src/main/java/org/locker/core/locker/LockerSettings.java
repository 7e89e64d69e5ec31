package org.locker.core.locker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locker.core.audit.AuditAction;
import org.locker.core.audit.AuditTrail;
import org.locker.core.locker.LockerRefusal.Reason;
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

    /** Changes what is given, keeps the rest; audited. */
    Settings update(
            UserId admin,
            Optional<List<String>> documentTypes,
            Optional<Boolean> guardianExchange,
            Optional<Boolean> macroEnabledDocuments) {
        try (PlatformSession session = platform.systemSession()) {
            Settings current = store.settings(session);
            Settings changed = new Settings(
                    documentTypes.map(LockerSettings::checkedTypes).orElse(current.documentTypes()),
                    guardianExchange.orElse(current.guardianExchange()),
                    macroEnabledDocuments.orElse(current.macroEnabledDocuments()));
            store.saveSettings(session, changed);
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

    /** Document type codes: upper case letters, digits and underscores, each once; at least one. */
    static List<String> checkedTypes(List<String> types) {
        List<String> checked = new ArrayList<>();
        for (String type : types) {
            String code = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z0-9_]{1,40}")) {
                throw new LockerRefusal(Reason.INVALID_SETTINGS, type);
            }
            if (!checked.contains(code)) {
                checked.add(code);
            }
        }
        if (checked.isEmpty()) {
            throw new LockerRefusal(Reason.INVALID_SETTINGS, "[]");
        }
        return checked;
    }
}
