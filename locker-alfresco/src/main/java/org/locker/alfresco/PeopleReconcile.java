package org.locker.alfresco;

import static org.locker.alfresco.AlfrescoRestClient.CORE;
import static org.locker.alfresco.AlfrescoRestClient.PAGE;
import static org.locker.alfresco.AlfrescoRestClient.params;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.locker.core.platform.PrincipalListener;
import org.locker.core.platform.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service learns of people without events: lists people ({@code GET /people}, paged) and announces, to
 * every listener, those not in the {@link ReconcileCheckpoint} whom the service did not learn of otherwise (created
 * through it, or announced by an event): the users whose events were missed. Then puts every person with a profile
 * who is not in their profile's group there ({@link ProfileAdoption#reconcile()}), which covers people created in
 * Alfresco while the service was down. With no checkpoint yet, records the baseline and announces nobody.
 */
final class PeopleReconcile {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleReconcile.class);

    private final AlfrescoRestClient rest;
    private final Credentials system;
    private final ReconcileCheckpoint checkpoint;
    private final List<PrincipalListener> listeners;
    private final ProfileAdoption adoption;
    /** Users the service learned of since the last reconcile (created through it, or announced by an event). */
    private final Set<String> learned = ConcurrentHashMap.newKeySet();
    /** Users created through the service since the last reconcile: their groups are the engine's to set. */
    private final Set<String> createdHere = ConcurrentHashMap.newKeySet();

    /** @param listeners the platform's listeners, read at each run (they may be added later) */
    PeopleReconcile(
            AlfrescoRestClient rest,
            Credentials system,
            ReconcileCheckpoint checkpoint,
            List<PrincipalListener> listeners,
            ProfileAdoption adoption) {
        this.rest = rest;
        this.system = system;
        this.checkpoint = checkpoint;
        this.listeners = listeners;
        this.adoption = adoption;
    }

    /** A user announced by an event: not a missed one. */
    void learned(UserId user) {
        learned.add(user.value());
    }

    /** A user created through the service: not a missed one, and its groups are the engine's to set. */
    void createdHere(UserId user) {
        learned.add(user.value());
        createdHere.add(user.value());
    }

    boolean wasCreatedHere(UserId user) {
        return createdHere.contains(user.value());
    }

    /** @return the users announced as missed */
    List<UserId> run() {
        Set<String> ids = new LinkedHashSet<>();
        for (Rest.Person person : rest.list(
                system,
                skip -> rest.uri(CORE, "/people", params("skipCount", skip, "maxItems", PAGE, "fields", "id")),
                Rest.Person.class)) {
            ids.add(person.id());
        }
        Optional<Set<String>> known = checkpoint.load();
        List<UserId> missed = new ArrayList<>();
        if (known.isPresent()) {
            for (String id : ids) {
                if (!known.get().contains(id) && !learned.contains(id) && UserId.isValid(id)) {
                    missed.add(UserId.of(id));
                }
            }
            for (UserId user : missed) {
                for (PrincipalListener listener : listeners) {
                    listener.userCreated(user);
                }
            }
        } else {
            LOG.info("first people reconcile: baseline of {} users recorded", ids.size());
        }
        int adopted = adoption.reconcile();
        checkpoint.store(ids);
        learned.removeAll(ids);
        createdHere.removeAll(ids);
        if (!missed.isEmpty()) {
            LOG.info(
                    "reconcile: {} user(s) created in Alfresco while their events were missed: {}",
                    missed.size(),
                    missed);
        }
        if (adopted > 0) {
            LOG.info("reconcile: {} user(s) with a profile joined their profile's group", adopted);
        }
        return missed;
    }
}
