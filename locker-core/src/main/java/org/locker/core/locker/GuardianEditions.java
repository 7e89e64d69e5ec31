package org.locker.core.locker;

import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;

/**
 * A deposit is addressed by one id for everyone (decision 0014): a reader who may not read the deposit itself, a
 * guardian, is given its guardians' edition when the platform lets them read that one. The platform still decides:
 * the edition is read in the reader's own session.
 */
final class GuardianEditions {

    private static final DepositStore STORE = new DepositStore();

    private GuardianEditions() {}

    /**
     * The node {@code session}'s user reads for the deposit {@code id}: itself, or its guardians' edition, or, of a
     * deposit cut per family, their own family's part (decision 0025).
     */
    static NodeId readable(ContentPlatform platform, PlatformSession session, NodeId id) {
        if (session.findNode(id).isPresent()) {
            return id;
        }
        String reader = session.user().value();
        try (PlatformSession system = platform.systemSession()) {
            return STORE.find(system, id).stream()
                    .flatMap(deposit -> STORE.editions(system, deposit).stream())
                    // a family's part names its guardians: look at theirs first, not at every family's
                    .sorted(java.util.Comparator.comparing(
                            edition -> !edition.recipients().contains(reader)))
                    .map(StoredDeposit::id)
                    .filter(edition -> session.findNode(edition).isPresent())
                    .findFirst()
                    .orElse(id);
        }
    }
}
