package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Behind a TLS proxy that says so, the service's cookies are sent over TLS only. A service of its own (a property of
 * its own makes it a second one anyway), on its own repository: the DemoSchoolTests' service keeps theirs open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
class BehindTlsProxyIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("locker-tls-it");
        registry.add("locker.data-directory", data::toString);
        registry.add("locker.demo.enabled", () -> "true");
    }

    @Test
    void shouldMarkItsCookiesSecureBehindTls() throws Exception {
        String answer = HttpHardeningIT.raw(port, "GET /login HTTP/1.1\r\nHost: locker.example\r\n"
                + "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n");
        assertThat(answer).contains("XSRF-TOKEN=").containsIgnoringCase("; Secure")
                .containsIgnoringCase("SameSite=Lax");
        String plain = HttpHardeningIT.raw(port, "GET /login HTTP/1.1\r\nHost: locker.example\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(plain).contains("XSRF-TOKEN=").doesNotContainIgnoringCase("; Secure");
    }
}
