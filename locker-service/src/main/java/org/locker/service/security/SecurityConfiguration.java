package org.locker.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.locker.alfresco.AlfrescoPlatform;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.platform.ContentPlatform;
import org.locker.service.LockerProperties;
import org.locker.service.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * HTTP Basic for API clients and a form login with a session for browsers. Every API endpoint also states the
 * profiles it admits ({@link Roles}); an unauthenticated API call gets a 401 problem, not a login page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    /** Only the service's own scripts and styles: user text can never become code, even if a screen erred. */
    static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ProblemResponses problems,
            ContentPlatform platform,
            SchoolDirectory directory,
            LockerProperties properties)
            throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        if (platform instanceof AlfrescoPlatform alfresco) {
            // calls through Share's proxy carry the user's Alfresco ticket
            http.addFilterBefore(
                    new AlfrescoTicketAuthenticationFilter(alfresco, directory), BasicAuthenticationFilter.class);
        }
        http.addFilterBefore(
                new SameOriginSignInFilter(Optional.ofNullable(properties.publicUrl()), problems::forbidden),
                UsernamePasswordAuthenticationFilter.class);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/error",
                                "/login")
                        .permitAll()
                        // metrics tell about the establishment's activity
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMINISTRATOR")
                        // the web app's code and styles hold no data; what it shows comes from /api, signed in
                        .requestMatchers("/app/**", "/favicon.ico")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthenticated))
                // the app's own sign-in page (web.LoginPageController) posts to Spring's /login
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/app/index.html"))
                .logout(Customizer.withDefaults())
                // the web app reads the token from the XSRF-TOKEN cookie and sends it back as X-XSRF-TOKEN;
                // forms (the sign-in page) send it as the _csrf parameter
                .csrf(csrf -> csrf.spa()
                        .csrfTokenRepository(csrfTokens())
                        .ignoringRequestMatchers(SecurityConfiguration::cannotBeForged))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // before the body: a streamed download commits its response on another thread, where
                        // headers written at commit time were sometimes lost
                        .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                            @Override
                            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                                filter.setShouldWriteHeadersEagerly(true);
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(problems::unauthenticated, api)
                        .defaultAccessDeniedHandlerFor(problems::forbidden, api));
        return http.build();
    }

    /** The web app's token cookie: readable by its script, sent by the browser to this site only. */
    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /** What the request firewall refuses (encoded dots, path parameters, ...) is a problem like any other. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> {
            // refused before the header filter ran: the same headers as every other response
            response.setHeader("Content-Security-Policy", CONTENT_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", ReferrerPolicy.SAME_ORIGIN.getPolicy());
            response.setHeader("Cache-Control", "no-store");
            problems.rejected(request, response);
        };
    }

    /**
     * Cross-site request forgery rides on credentials a browser adds by itself: a session cookie, or Basic
     * credentials it cached. A request without a live session that no browser sent cross-site (API clients send
     * no {@code Sec-Fetch-Site}) carries only the credentials its sender chose, so it needs no CSRF token. The
     * cookie of a session that ended (signed out in another tab, which also drops the token) is no credential:
     * such a request gets the 401 that lets the web app ask the person to sign in again, not a CSRF refusal.
     */
    private static boolean cannotBeForged(HttpServletRequest request) {
        if ("/login".equals(request.getServletPath())) {
            return false; // a forged sign-in needs no session of the victim's: the form always carries its token
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        boolean crossSite = fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        return !request.isRequestedSessionIdValid() && !crossSite;
    }
}
