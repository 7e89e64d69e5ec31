package org.locker.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.service.support.ApiClient;
import org.locker.service.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the sign-in tests: the whole service on its own embedded Oak with a small school, and a clock the tests
 * move. The classes share one running service; after each test the sign-in throttle forgets every failure and the
 * clock is the real time again, so that no test is locked out by another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Configuration.class)
abstract class SignInTestBase {

    static final String PASSWORD = ApiClient.DEMO_PASSWORD;
    static final String SCHOOL =
            "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of,password\n"
                    + "class,6A,Sixième A,,,,,,,,\n"
                    + "person,adm.one,,administrator,Ada,Admin,,,,," + PASSWORD + "\n"
                    + "person,t.one,,teacher,Tina,One,,6A,,," + PASSWORD + "\n"
                    + "person,t.two,,teacher,Tom,Two,,6A,,," + PASSWORD + "\n"
                    + "person,s.one,,student,Sam,One,,6A,,," + PASSWORD + "\n"
                    + "person,g.one,,guardian,Gus,One,,,s.one,," + PASSWORD + "\n";
    private static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("locker-sign-in-it");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    DirectoryImport directoryImport;

    @DynamicPropertySource
    static void smallSchool(DynamicPropertyRegistry registry) {
        registry.add("locker.data-directory", DATA::toString);
        registry.add("locker.demo.enabled", () -> "false");
    }

    @BeforeEach
    void school() {
        assertThat(directoryImport.run(new StringReader(SCHOOL), false).valid()).isTrue();
    }

    @AfterEach
    void forgetFailures() {
        throttle.reset();
        clock.reset();
    }

    ApiClient api() {
        return new ApiClient(port);
    }
}
