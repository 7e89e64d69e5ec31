package org.locker.service.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every full-application test: the whole service on a random port, on its own embedded Oak in a fresh
 * temporary directory, with a clock the tests may move ({@link TestClock}, the real time until they do), called
 * over HTTP ({@link #api()}). Subclasses add their school and settings with a {@code @DynamicPropertySource} of
 * their own (never {@code locker.data-directory}).
 *
 * <p>Test classes with the same set-up share one running service (Spring's context cache). Spring calls
 * {@link #ownRepository} each time it starts a context, so that every context gets a directory of its own: two
 * services never open the same repository.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Configuration.class)
public abstract class ServiceTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    @DynamicPropertySource
    static void ownRepository(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("locker-service-it");
        registry.add("locker.data-directory", data::toString);
    }

    protected ApiClient api() {
        return new ApiClient(port);
    }
}
