package org.locker.alfresco;

import static org.locker.alfresco.AlfrescoRestClient.CORE;
import static org.locker.alfresco.AlfrescoRestClient.PAGE;
import static org.locker.alfresco.AlfrescoRestClient.params;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locker.alfresco.AlfrescoSettings.GuardiansSite;
import org.locker.alfresco.AlfrescoSettings.SiteRole;
import org.locker.core.platform.AlreadyExistsException;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;

/**
 * Keeps the guardians' restricted site ({@link GuardiansSite}) in place through the sites API, as the service
 * account: the site created when missing ({@code POST /sites}, PRIVATE) and made PRIVATE again if someone
 * opened it; then each configured group made a member with its role ({@code /sites/{id}/group-members}).
 * Only what differs is written, so a pass where all is in place costs two GETs (the site, its group members).
 * Members the settings do not name (added by an administrator) are left alone.
 */
final class GuardiansSiteKeeper {

    static final String TITLE = "Espace des responsables / Guardians' space";
    static final String DESCRIPTION = "Espace privé des responsables et du personnel de l'établissement"
            + " / Private space for guardians and the school's personnel";
    static final String PRIVATE = "PRIVATE";

    private static final Logger LOG = LoggerFactory.getLogger(GuardiansSiteKeeper.class);

    private final AlfrescoRestClient rest;
    private final Credentials system;
    private final GuardiansSite site;

    GuardiansSiteKeeper(AlfrescoRestClient rest, Credentials system, GuardiansSite site) {
        this.rest = rest;
        this.system = system;
        this.site = site;
    }

    /**
     * One pass; never throws, failures being logged for the next pass to retry.
     *
     * @return true when the site is disabled, or exists, is private and has every configured group with its role
     */
    boolean ensure() {
        if (!site.enabled()) {
            return true;
        }
        try {
            return ensureSite() && ensureMembers();
        } catch (RuntimeException e) {
            LOG.warn("guardians' site {} not ensured, retried at the next reconcile: {}", site.id(), e.getMessage());
            return false;
        }
    }

    private String sitePath() {
        return "/sites/" + site.id();
    }

    /** @return false when the site could not be made to exist */
    private boolean ensureSite() {
        Rest.Site existing;
        try {
            existing = rest.entry(system, HttpMethod.GET, rest.uri(CORE, sitePath(), null), null, Rest.Site.class);
        } catch (NotFoundException missing) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", site.id());
            body.put("title", TITLE);
            body.put("description", DESCRIPTION);
            body.put("visibility", PRIVATE);
            try {
                // not among the service account's favourite sites: it is no user's working space
                rest.entry(
                        system,
                        HttpMethod.POST,
                        rest.uri(CORE, "/sites", params("skipAddToFavorites", true)),
                        body,
                        Rest.Site.class);
            } catch (AlreadyExistsException taken) {
                // GET said missing but the id is in use: typically a deleted site still in the trashcan
                LOG.warn(
                        "guardians' site {}: the id is taken by a site the service account cannot read (deleted,"
                                + " still in the trashcan?); purge it or set another locker.alfresco.guardians-site: {}",
                        site.id(),
                        taken.getMessage());
                return false;
            }
            LOG.info("created the guardians' site {} (private)", site.id());
            return true;
        }
        if (!PRIVATE.equals(existing.visibility())) {
            // restricted by definition: left PUBLIC or MODERATED, every user of the repository could find it
            rest.send(system, HttpMethod.PUT, rest.uri(CORE, sitePath(), null), Map.of("visibility", PRIVATE));
            LOG.warn("guardians' site {} was {}: made PRIVATE again", site.id(), existing.visibility());
        }
        return true;
    }

    /** @return true when every configured group is a member with its role */
    private boolean ensureMembers() {
        Map<String, String> current = new HashMap<>();
        for (Rest.SiteGroup member : rest.list(
                system,
                skip -> rest.uri(CORE, sitePath() + "/group-members", params("skipCount", skip, "maxItems", PAGE)),
                Rest.SiteGroup.class)) {
            current.put(member.id(), member.role());
        }
        boolean complete = true;
        List<GroupId> notYetCreated = new ArrayList<>();
        for (Map.Entry<GroupId, SiteRole> wanted : site.groupRoles().entrySet()) {
            String authority = Values.authorityId(wanted.getKey());
            String role = wanted.getValue().apiName();
            try {
                String held = current.get(authority);
                if (held == null) {
                    addMember(authority, role);
                } else if (!held.equals(role)) {
                    changeRole(authority, held, role);
                }
            } catch (NotFoundException missingGroup) {
                notYetCreated.add(wanted.getKey());
                complete = false;
            } catch (PlatformException failed) {
                LOG.warn(
                        "guardians' site {}: membership of {} as {} not set, retried at the next reconcile: {}",
                        site.id(),
                        authority,
                        role,
                        failed.getMessage());
                complete = false;
            }
        }
        if (!notYetCreated.isEmpty()) {
            LOG.info(
                    "guardians' site {}: groups {} do not exist yet (before the first directory import?),"
                            + " added at a later reconcile",
                    site.id(),
                    notYetCreated);
        }
        return complete;
    }

    private void addMember(String authority, String role) {
        try {
            rest.send(
                    system,
                    HttpMethod.POST,
                    rest.uri(CORE, sitePath() + "/group-members", null),
                    Map.of("id", authority, "role", role));
            LOG.info("guardians' site {}: added {} as {}", site.id(), authority, role);
        } catch (AlreadyExistsException meanwhile) {
            // became a member since the listing (another instance's pass): only its role may need fixing
            Rest.SiteGroup member = rest.entry(
                    system,
                    HttpMethod.GET,
                    rest.uri(CORE, sitePath() + "/group-members/" + authority, null),
                    null,
                    Rest.SiteGroup.class);
            if (!role.equals(member.role())) {
                changeRole(authority, member.role(), role);
            }
        }
    }

    private void changeRole(String authority, String held, String role) {
        rest.send(
                system,
                HttpMethod.PUT,
                rest.uri(CORE, sitePath() + "/group-members/" + authority, null),
                Map.of("role", role));
        LOG.info("guardians' site {}: {} was {}, now {}", site.id(), authority, held, role);
    }
}
