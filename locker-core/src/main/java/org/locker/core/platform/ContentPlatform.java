package org.locker.core.platform;

import java.util.Optional;
import java.util.Set;

/**
 * The port to a content platform (embedded Oak, or Alfresco): principals, folders and documents with
 * typed metadata and streamed content, versions, access grants enforced by the platform itself, metadata
 * queries, and principal events. Every binding passes the conformance suite in this module's test-jar.
 */
public interface ContentPlatform extends AutoCloseable {

    /** Checks a user's password against the platform; empty when it does not match or the user is unknown. */
    Optional<UserId> authenticate(UserId user, char[] password);

    /** A session with the service account's full rights, for system work. */
    PlatformSession systemSession();

    /**
     * A session that acts as {@code user}: the platform applies that user's permissions to every read and
     * write made through it.
     *
     * @throws AccessDeniedException for a {@link #isReserved reserved} account: the service never acts as the
     *         platform's superuser or system accounts on anyone's behalf
     */
    PlatformSession sessionAs(UserId user);

    /**
     * The platform's own accounts, which are never locker users: its superuser, its guest or anonymous and system
     * accounts, and the service account. Each binding answers for its platform. The directory import refuses them,
     * the directory never returns them as persons and the service never signs them in.
     */
    Set<UserId> reservedAccounts();

    /** Whether {@code user} is one of the {@link #reservedAccounts() reserved accounts}. */
    default boolean isReserved(UserId user) {
        return reservedAccounts().contains(user);
    }

    /** Registers a listener for user creation and membership change. */
    void addPrincipalListener(PrincipalListener listener);

    /**
     * What this platform guarantees beyond the common contract. By default {@link PlatformCapability#ISOLATED_SAVES},
     * as a transactional repository (the embedded Oak) gives it; a platform without transactions says so.
     */
    default java.util.Set<PlatformCapability> capabilities() {
        return java.util.EnumSet.of(PlatformCapability.ISOLATED_SAVES);
    }

    /** The platform's name, for logs and health ({@code oak}, {@code alfresco}). */
    String name();

    @Override
    void close();
}
