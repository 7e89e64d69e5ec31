package org.locker.core.collect;

/**
 * What collect requests tell others, after the platform saved: the hook for notifications. Called on the thread of
 * the action (a request, or the scheduled run); a listener that fails does not undo the action.
 */
public interface CollectEvents {

    CollectEvents NONE = new CollectEvents() {};

    /** A request was published to these users (creation, a draft published, or its date come). */
    default void published(CollectRequests.Published published) {}

    /** These users were reminded of a request they have not handed in. */
    default void reminded(CollectRequests.Reminded reminded) {}
}
