package org.locker.alfresco;

import java.util.Optional;
import java.util.function.Supplier;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.NotFoundException;

/**
 * How a session reports what its user may not see: reads report it as absent (Alfresco's 403 becomes
 * {@link NotFoundException}), writes as {@link AccessDeniedException}. Refused credentials (401) are never hidden.
 */
final class Visibility {

    private Visibility() {}

    /** Runs a read: what the user may not read (403) is reported as absent; refused credentials (401) are not. */
    static <T> T read(Supplier<T> call) {
        try {
            return call.get();
        } catch (AlfrescoRestClient.Unauthorized refused) {
            throw refused;
        } catch (AccessDeniedException hidden) {
            throw new NotFoundException(hidden.getMessage());
        }
    }

    /** Runs a look-up: missing or hidden (404, 403) is empty. */
    static <T> Optional<T> optional(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (AlfrescoRestClient.Unauthorized refused) {
            throw refused;
        } catch (NotFoundException | AccessDeniedException absent) {
            return Optional.empty();
        }
    }
}
