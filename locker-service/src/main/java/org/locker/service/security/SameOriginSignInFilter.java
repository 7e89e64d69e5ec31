package org.locker.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Login CSRF: a sign-in form posted from another site would sign the victim in to the attacker's account. Beside
 * the form's CSRF token, a post to the sign-in form must come from this service's own pages: {@code Sec-Fetch-Site}
 * when the browser sends it, otherwise the {@code Origin}, otherwise the {@code Referer}. The service's own origin is
 * the request's host (what the browser addressed) or the configured public URL; the scheme is not compared, since a
 * TLS proxy in front changes it.
 */
final class SameOriginSignInFilter extends OncePerRequestFilter {

    private final Optional<URI> publicUrl;
    private final AccessDeniedHandler refusal;

    SameOriginSignInFilter(Optional<URI> publicUrl, AccessDeniedHandler refusal) {
        this.publicUrl = publicUrl;
        this.refusal = refusal;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (sameOrigin(request)) {
            chain.doFilter(request, response);
        } else {
            refusal.handle(request, response, new CsrfException("a sign-in posted from another site"));
        }
    }

    private boolean sameOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return ours(origin, request);
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            return ours(referer, request);
        }
        return true; // no browser said where it came from: the CSRF token decides
    }

    private boolean ours(String address, HttpServletRequest request) {
        Optional<String> authority = authority(address);
        if (authority.isEmpty()) {
            return false; // "null" origins (sandboxed frames, file:) and garbage
        }
        if (publicUrl
                .flatMap(u -> authority(u.toString()))
                .filter(authority.get()::equals)
                .isPresent()) {
            return true;
        }
        String host = request.getHeader("Host");
        return host != null
                && authority(request.getScheme() + "://" + host)
                        .filter(authority.get()::equals)
                        .isPresent();
    }

    /** host[:port] of an absolute http(s) address, without the scheme's default port. */
    private static Optional<String> authority(String address) {
        try {
            URI uri = URI.create(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || port == 80 || port == 443;
            return Optional.of(uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
