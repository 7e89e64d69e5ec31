package org.locker.core.platform;

import java.util.Objects;

/**
 * A shared library a user may read (on Alfresco, a site's document library).
 *
 * @param id the platform's id of the library (a site id)
 * @param title what people call it (a site's title)
 * @param folder its root folder
 */
public record Library(String id, String title, NodeId folder) {

    public Library {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(folder, "folder");
    }
}
