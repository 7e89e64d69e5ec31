package org.locker.alfresco;

import static org.locker.alfresco.AlfrescoRestClient.AUTH;
import static org.locker.alfresco.AlfrescoRestClient.CORE;
import static org.locker.alfresco.AlfrescoRestClient.params;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.SignInRequiredException;
import org.locker.core.platform.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;

/**
 * Sessions and the Alfresco tickets behind them: the service account's session (Basic), and a user's session with
 * that user's own ticket, kept from a sign-in ({@code POST /tickets}), from Share ({@code alf_ticket}) or from a
 * password source. See {@link AlfrescoPlatform} for the three ways a ticket arrives and the limit: no impersonation.
 */
final class UserSessions {

    private static final Logger LOG = LoggerFactory.getLogger(UserSessions.class);

    private final AlfrescoRestClient rest;
    private final Credentials system;
    private final UserId systemUser;
    private final String rootId;
    private final Predicate<UserId> reserved;
    private final Function<UserId, Optional<char[]>> userPasswords;
    private final Consumer<UserId> usersCreated;
    private final Map<UserId, String> tickets = new ConcurrentHashMap<>();

    /**
     * @param reserved the accounts whose rights never serve a user's request
     * @param usersCreated told of each user the service account's sessions create
     */
    UserSessions(
            AlfrescoRestClient rest,
            Credentials system,
            UserId systemUser,
            String rootId,
            Predicate<UserId> reserved,
            Function<UserId, Optional<char[]>> userPasswords,
            Consumer<UserId> usersCreated) {
        this.rest = rest;
        this.system = system;
        this.systemUser = systemUser;
        this.rootId = rootId;
        this.reserved = reserved;
        this.userPasswords = userPasswords;
        this.usersCreated = usersCreated;
    }

    /** {@code POST /tickets}; the ticket is kept for later {@link #sessionAs} calls for that user. */
    Optional<UserId> authenticate(UserId user, char[] password) {
        try {
            Rest.Ticket ticket = rest.entry(
                    null,
                    HttpMethod.POST,
                    rest.uri(AUTH, "/tickets", null),
                    Map.of("userId", user.value(), "password", new String(password)),
                    Rest.Ticket.class);
            tickets.put(user, ticket.id());
            return Optional.of(user);
        } catch (PlatformException wrong) {
            if (wrong instanceof AlfrescoRestClient.ServerError || wrong.getCause() != null) {
                throw wrong; // Alfresco down is not a wrong password
            }
            return Optional.empty();
        }
    }

    /** The session of the user who holds {@code ticket}, after Alfresco has validated it. */
    PlatformSession sessionWithTicket(String ticket) {
        Credentials credentials = new Credentials.Ticket(ticket);
        try {
            rest.send(credentials, HttpMethod.GET, rest.uri(AUTH, "/tickets/-me-", null), null);
        } catch (NotFoundException expired) {
            throw new SignInRequiredException("Alfresco ticket ended or user disabled");
        }
        Rest.Person me =
                rest.entry(credentials, HttpMethod.GET, rest.uri(CORE, "/people/-me-", null), null, Rest.Person.class);
        // an id the engine cannot hold (System, mixed case) or one of Alfresco's own accounts (admin, guest, the
        // service account) is never a locker user
        if (!UserId.isValid(me.id()) || reserved.test(UserId.of(me.id()))) {
            throw new AccessDeniedException("the ticket's user " + me.id() + " is not a locker user");
        }
        UserId user = UserId.of(me.id());
        tickets.put(user, ticket);
        return new AlfrescoSession(rest, credentials, user, rootId, created -> {}, system);
    }

    PlatformSession systemSession() {
        return new AlfrescoSession(rest, system, systemUser, rootId, usersCreated, system);
    }

    /**
     * One call: with a cached ticket, {@code GET /people/-me-} as the user (which also proves the ticket still
     * valid; an expired one is dropped); without, {@code GET /people/{id}} as the service account, so that an
     * unknown user is reported as {@link NotFoundException}, then a sign-in when a password source knows the
     * user's password.
     */
    PlatformSession sessionAs(UserId user) {
        if (reserved.test(user)) {
            // the administrator's or the service account's rights must never serve a user's request
            throw new AccessDeniedException("the service never acts as the reserved account " + user);
        }
        String ticket = tickets.get(user);
        if (ticket != null) {
            try {
                Rest.Person me = rest.entry(
                        new Credentials.Ticket(ticket),
                        HttpMethod.GET,
                        rest.uri(CORE, "/people/-me-", params("fields", "id")),
                        null,
                        Rest.Person.class);
                if (user.value().equals(me.id())) {
                    return new AlfrescoSession(
                            rest, new Credentials.Ticket(ticket), user, rootId, created -> {}, system);
                }
            } catch (AccessDeniedException | NotFoundException expired) {
                LOG.debug("ticket of {} no longer valid: {}", user, expired.getMessage());
            }
            tickets.remove(user, ticket);
        }
        rest.send(system, HttpMethod.GET, rest.uri(CORE, "/people/" + user.value(), params("fields", "id")), null);
        Optional<char[]> password = userPasswords.apply(user);
        if (password.isPresent() && authenticate(user, password.get()).isPresent()) {
            return new AlfrescoSession(
                    rest, new Credentials.Ticket(tickets.get(user)), user, rootId, created -> {}, system);
        }
        // the ticket ended (signed out of Share, disabled, idle for an hour) or was never known: only the user can
        // sign in again
        throw new SignInRequiredException("no valid Alfresco ticket known for " + user
                + ": the user must sign in (or come through Share) before the service can act as them");
    }
}
