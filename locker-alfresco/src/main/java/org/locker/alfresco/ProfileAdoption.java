package org.locker.alfresco;

import static org.locker.alfresco.AlfrescoRestClient.CORE;
import static org.locker.alfresco.AlfrescoRestClient.PAGE;
import static org.locker.alfresco.AlfrescoRestClient.params;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locker.core.platform.AlreadyExistsException;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;

/**
 * Makes a person created in Alfresco itself (by an administrator, or by Alfresco's directory synchronisation) a
 * user of the engine when they have a profile ({@link AlfrescoSettings.Profiles}): the profile property on the
 * person, or, without it, membership of an Alfresco group mapped to a profile. Such a person joins their profile's
 * group, which is how standing deposits to a category and the other grants to a profile reach them (decision
 * 0005); a profile that came from a mapped group is also written to the person, where the engine reads it.
 *
 * <p>Called for one person when an event announces them or their joining a mapped group ({@link #adopt}: two
 * reads, and a write for each change), and for everyone by the people reconcile ({@link #reconcile}: per profile,
 * the people with the property (a database search) and the members of the mapped group and of the profile's group
 * (the groups web script), then one adoption per person missing from the profile's group).
 */
final class ProfileAdoption {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileAdoption.class);

    /** What became of one person. */
    enum Result {
        ADOPTED,
        ALREADY,
        NO_PROFILE,
        NO_GROUP,
        GONE
    }

    private final AlfrescoRestClient rest;
    private final Credentials system;
    private final AlfrescoSettings.Profiles profiles;

    ProfileAdoption(AlfrescoRestClient rest, Credentials system, AlfrescoSettings.Profiles profiles) {
        this.rest = rest;
        this.system = system;
        this.profiles = profiles;
    }

    /** Whether the Alfresco group ({@code GROUP_...}) is mapped to a profile. */
    boolean isMapped(String authorityId) {
        return profiles.profileOfAlfrescoGroup(authorityId).isPresent();
    }

    /** Puts one person in their profile's group, if they have a profile. */
    Result adopt(UserId user) {
        if (!profiles.enabled()) {
            return Result.NO_PROFILE;
        }
        Rest.Person person;
        try {
            person = rest.entry(
                    system,
                    HttpMethod.GET,
                    rest.uri(CORE, "/people/" + user.value(), params("include", "properties")),
                    null,
                    Rest.Person.class);
        } catch (NotFoundException gone) {
            return Result.GONE;
        }
        Set<String> groups = new HashSet<>();
        for (Rest.Group group : rest.list(
                system,
                skip -> rest.uri(
                        CORE, "/people/" + user.value() + "/groups", params("skipCount", skip, "maxItems", PAGE)),
                Rest.Group.class)) {
            groups.add(group.id());
        }
        Object stored = person.properties() == null ? null : person.properties().get(profiles.property());
        String code = stored == null ? null : stored.toString().trim();
        if (code == null || code.isEmpty()) {
            Optional<String> mapped = profiles.alfrescoGroups().entrySet().stream()
                    .filter(e -> groups.contains(e.getValue()))
                    .map(Map.Entry::getKey)
                    .findFirst();
            if (mapped.isEmpty()) {
                return Result.NO_PROFILE;
            }
            code = mapped.get();
            rest.send(
                    system,
                    HttpMethod.PUT,
                    rest.uri(CORE, "/people/" + user.value(), null),
                    Map.of("properties", Map.of(profiles.property(), code)));
        }
        GroupId group = profiles.groups().get(code);
        if (group == null) {
            LOG.warn("{} has the profile '{}', which the engine does not know: not a user of the engine", user, code);
            return Result.NO_PROFILE;
        }
        if (groups.contains(Values.authorityId(group))) {
            return Result.ALREADY;
        }
        try {
            rest.send(
                    system,
                    HttpMethod.POST,
                    rest.uri(CORE, "/groups/" + Values.authorityId(group) + "/members", null),
                    Map.of("id", user.value(), "memberType", "PERSON"));
        } catch (AlreadyExistsException raced) {
            return Result.ALREADY;
        } catch (NotFoundException noGroupYet) {
            LOG.warn(
                    "{} has the profile '{}', whose group {} does not exist yet: joined at a later reconcile",
                    user,
                    code,
                    group);
            return Result.NO_GROUP;
        }
        LOG.info("{}, created in Alfresco with the profile '{}', joined {}", user, code, group);
        return Result.ADOPTED;
    }

    /** Puts everyone with a profile who is not in their profile's group there; returns how many joined. */
    int reconcile() {
        if (!profiles.enabled()) {
            return 0;
        }
        GroupChildren children = new GroupChildren(rest, system);
        NodeSearch search = new NodeSearch(rest, system);
        int adopted = 0;
        for (Map.Entry<String, GroupId> profile : profiles.groups().entrySet()) {
            Set<UserId> members;
            try {
                members = new HashSet<>(children.users(profile.getValue()));
            } catch (NotFoundException noGroupYet) {
                continue; // created by the service at start-up or by the first import; a later run catches up
            }
            Set<UserId> candidates = new HashSet<>();
            String afts = Afts.and(
                    List.of(Afts.typeTerm("cm:person"), Afts.equalsTerm(profiles.property(), profile.getKey())));
            for (Rest.Node person : search.search(afts, List.of("properties"), 0, Integer.MAX_VALUE)) {
                Object userName = person.props().get("cm:userName");
                if (userName != null && UserId.isValid(userName.toString())) {
                    candidates.add(UserId.of(userName.toString()));
                }
            }
            String mapped = profiles.alfrescoGroups().get(profile.getKey());
            if (mapped != null) {
                try {
                    candidates.addAll(children.users(mapped.substring("GROUP_".length())));
                } catch (NotFoundException noSuchGroup) {
                    LOG.warn(
                            "the Alfresco group {} mapped to the profile '{}' does not exist",
                            mapped,
                            profile.getKey());
                }
            }
            candidates.removeAll(members);
            for (UserId candidate : candidates) {
                if (adopt(candidate) == Result.ADOPTED) {
                    adopted++;
                }
            }
        }
        return adopted;
    }
}
