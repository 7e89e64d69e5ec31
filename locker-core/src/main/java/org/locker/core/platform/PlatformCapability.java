package org.locker.core.platform;

/**
 * What a platform guarantees beyond the port's common contract ({@link ContentPlatform#capabilities()}), so that
 * the conformance suite states each behaviour for the platforms that have it and the behaviour of the others.
 */
public enum PlatformCapability {

    /**
     * A session's changes are invisible to other sessions until {@link PlatformSession#save()}, which makes them
     * visible all together, and are dropped at once by {@link PlatformSession#discard()} (Oak, a transactional
     * repository). Without it (Alfresco over REST), each change is visible to everyone as soon as it is made, and
     * {@code discard()} undoes it afterwards, best effort.
     */
    ISOLATED_SAVES
}
