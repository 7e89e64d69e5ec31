package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locker.service.support.ServiceTestBase;
import org.springframework.test.context.TestPropertySource;

/** Behind a TLS proxy that says so, the service's cookies are sent over TLS only. */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class BehindTlsProxyIT extends ServiceTestBase {

    @Test
    void shouldMarkItsCookiesSecureBehindTls() throws Exception {
        String answer = HttpHardeningIT.raw(
                port,
                "GET /login HTTP/1.1\r\nHost: locker.example\r\n"
                        + "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n");
        assertThat(answer)
                .contains("XSRF-TOKEN=")
                .containsIgnoringCase("; Secure")
                .containsIgnoringCase("SameSite=Lax");
        String plain = HttpHardeningIT.raw(
                port, "GET /login HTTP/1.1\r\nHost: locker.example\r\n" + "Connection: close\r\n\r\n");
        assertThat(plain).contains("XSRF-TOKEN=").doesNotContainIgnoringCase("; Secure");
    }
}
