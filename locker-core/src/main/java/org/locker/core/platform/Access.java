package org.locker.core.platform;

/**
 * The access levels the engine grants. {@link #WRITE} includes {@link #READ} and the right to add
 * versions and change metadata; neither allows changing permissions or deleting.
 */
public enum Access {
    READ,
    WRITE
}
