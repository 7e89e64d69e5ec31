package org.locker.service.directory;

import java.util.List;

/** What every view of a person shows: who they are to the API (id, profile), their name and their classes. */
public interface PersonSummary {

    String id();

    String profile();

    String displayName();

    /** The classes that place them for the viewer (see the implementations). */
    List<String> classes();
}
