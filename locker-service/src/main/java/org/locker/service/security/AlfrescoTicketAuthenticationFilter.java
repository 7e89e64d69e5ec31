package org.locker.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.locker.alfresco.AlfrescoPlatform;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On Alfresco: a request that carries the user's Alfresco ticket ({@code alf_ticket}, which Share's proxy adds
 * to calls to the {@code locker} endpoint) is signed in as that ticket's user, after Alfresco validated the
 * ticket ({@code GET /tickets/-me-}). The user's own platform calls then carry the same ticket, so Alfresco's
 * permissions apply to them. A ticket Alfresco refuses, or a ticket of one of Alfresco's own accounts (admin, guest,
 * System, the service account), leaves the request unauthenticated (401).
 */
final class AlfrescoTicketAuthenticationFilter extends OncePerRequestFilter {

    static final String TICKET_PARAMETER = "alf_ticket";

    private final AlfrescoPlatform platform;
    private final SchoolDirectory directory;

    AlfrescoTicketAuthenticationFilter(AlfrescoPlatform platform, SchoolDirectory directory) {
        this.platform = platform;
        this.directory = directory;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String ticket = request.getParameter(TICKET_PARAMETER);
        if (ticket != null
                && !ticket.isBlank()
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            signIn(ticket);
        }
        chain.doFilter(request, response);
    }

    private void signIn(String ticket) {
        UserId user;
        try (PlatformSession session = platform.sessionWithTicket(ticket)) {
            user = session.user();
        } catch (PlatformException refused) {
            return;
        }
        if (platform.isReserved(user)) {
            return; // Alfresco's admin, guest, System or the service account: never a locker user
        }
        directory.person(user).ifPresent(person -> {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    LockerUser.of(person),
                    null,
                    List.of(new SimpleGrantedAuthority(
                            "ROLE_" + person.profile().name()))));
            SecurityContextHolder.setContext(context);
        });
    }
}
