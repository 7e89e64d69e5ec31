package org.locker.service.directory;

import java.util.List;

/**
 * A guardian's child as the establishment sees it next to the guardian ("guardian of Emma Martin (6A)"): a name
 * and a class, never an id. Families never get it (see {@link PublicPersonView}).
 */
public record ChildContext(String displayName, List<String> classes) {

    public ChildContext {
        classes = List.copyOf(classes);
    }
}
