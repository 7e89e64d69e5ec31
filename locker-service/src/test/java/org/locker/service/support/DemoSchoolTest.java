package org.locker.service.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of end-to-end tests: the whole service on a real embedded Oak repository in a temporary directory, loaded
 * with the demo school, called over HTTP. Test classes that extend it share one running service, so they must
 * not change the directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DemoSchoolTest {

    private static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("locker-demo-it");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void demoSchool(DynamicPropertyRegistry registry) {
        registry.add("locker.data-directory", DATA::toString);
        registry.add("locker.demo.enabled", () -> "true");
    }

    protected ApiClient api() {
        return new ApiClient(port);
    }
}
