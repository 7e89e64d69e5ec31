package org.locker.alfresco;

import static org.locker.alfresco.AlfrescoRestClient.CORE;
import static org.locker.alfresco.AlfrescoRestClient.PAGE;
import static org.locker.alfresco.AlfrescoRestClient.params;
import static org.locker.alfresco.Visibility.optional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locker.core.platform.Library;
import org.locker.core.platform.NodeId;
import org.springframework.http.HttpMethod;

/**
 * The sites a user may read, as shared libraries: {@code GET /sites} as the user (Alfresco lists the public and
 * moderated sites, and the private ones the user is a member of), kept when the user is a member ({@code role}) or
 * the site is public (its content is then readable by everyone), then each site's {@code documentLibrary} container
 * ({@code GET /sites/{id}/containers/documentLibrary}). A moderated site the user has not joined is listed by
 * Alfresco but not readable: left out. One call, plus one per site kept.
 */
final class AlfrescoLibraries {

    private static final String DOCUMENT_LIBRARY = "documentLibrary";

    private final AlfrescoRestClient rest;
    private final Credentials auth;

    AlfrescoLibraries(AlfrescoRestClient rest, Credentials auth) {
        this.rest = rest;
        this.auth = auth;
    }

    List<Library> libraries() {
        List<Rest.SiteListed> sites = rest.list(
                auth,
                skip -> rest.uri(CORE, "/sites", params("skipCount", skip, "maxItems", PAGE)),
                Rest.SiteListed.class);
        List<Library> libraries = new ArrayList<>();
        for (Rest.SiteListed site : sites) {
            if (site.role() == null && !"PUBLIC".equals(site.visibility())) {
                continue;
            }
            optional(() -> rest.entry(
                            auth,
                            HttpMethod.GET,
                            rest.uri(CORE, "/sites/" + site.id() + "/containers/" + DOCUMENT_LIBRARY, null),
                            null,
                            Rest.SiteContainer.class))
                    .ifPresent(container -> libraries.add(new Library(
                            site.id(),
                            site.title() == null ? site.id() : site.title(),
                            NodeId.of(container.folderId()))));
        }
        libraries.sort(Comparator.comparing(Library::title, String.CASE_INSENSITIVE_ORDER));
        return libraries;
    }
}
