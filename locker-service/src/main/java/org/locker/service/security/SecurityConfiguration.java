package org.locker.service.security;

import org.locker.service.problem.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * HTTP Basic for API clients and a form login with a session for browsers. Every API endpoint also states the
 * profiles it admits ({@link Roles}); an unauthenticated API call gets a 401 problem, not a login page.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs/**", "/error", "/login").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthenticated))
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                // a request that carries its credentials is not exposed to cross-site forgery
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(problems::unauthenticated, api)
                        .defaultAccessDeniedHandlerFor(problems::forbidden, api));
        return http.build();
    }
}
