package org.locker.core.locker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;

/**
 * A deposit as {@link DepositStore} read it: its node (name, content, version) and its locker properties.
 *
 * @param selection the depositor's selectors, one a line as made
 * @param recipients every principal the deposit is for, guardians included
 * @param editionOf of a guardians' edition: the id of the deposit it publishes (decision 0014)
 * @param publishedVersion of a guardians' edition: the deposit's version it holds now
 */
record StoredDeposit(
        Node node,
        String depositId,
        String documentType,
        String memo,
        String depositor,
        Instant depositedAt,
        boolean allowModify,
        boolean standing,
        List<String> selection,
        List<String> recipients,
        Optional<Instant> publishFrom,
        Optional<Instant> publishTo,
        boolean withdrawn,
        Optional<String> editionOf,
        Optional<String> publishedVersion) {

    NodeId id() {
        return node.id();
    }

    String name() {
        return node.name();
    }

    /** Whether this is a deposit's guardians' edition, the node guardians are granted instead of the deposit. */
    boolean edition() {
        return editionOf.isPresent();
    }

    /** Whether this deposit is cut into family parts (a split, decision 0025): it takes no new version. */
    boolean cutIntoParts() {
        return node.properties().containsKey(LockerModel.FAMILY_PARTS);
    }

    /** Whether this is one family's part of such a deposit, granted to its guardians while the window is open. */
    boolean familyPart() {
        return node.flag(LockerModel.FAMILY_PART);
    }

    /** The version its reader sees: of an edition, the deposit's version it publishes. */
    String versionLabel() {
        return publishedVersion.orElse(node.versionLabel().orElse(""));
    }

    boolean depositedBy(String user) {
        return depositor.equals(user);
    }

    /** Its window's state at {@code now}; empty for a deposit without a window. */
    Optional<WindowState> windowState(Instant now) {
        return publishFrom.map(from -> WindowState.at(from, publishTo.orElse(Instant.MIN), now));
    }

    /**
     * Whether a guardian may see it now: its window, if it has one, holds the instant. A second guard on every
     * read, so that the window holds to the second even before its group changes on the platform.
     */
    boolean visibleToGuardiansAt(Instant now) {
        return windowState(now).map(WindowState.OPEN::equals).orElse(true);
    }
}
