package org.locker.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.service.support.ApiClient;
import org.locker.service.support.ServiceTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the sign-in tests ({@link ServiceTestBase}: the whole service on its own embedded Oak) with a small
 * school and a clock the tests move. The classes share one running service; after each test the sign-in throttle forgets every failure and the
 * clock is the real time again, so that no test is locked out by another.
 */
abstract class SignInTestBase extends ServiceTestBase {

    static final String PASSWORD = ApiClient.DEMO_PASSWORD;
    static final String SCHOOL =
            "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of,password\n"
                    + "class,6A,Sixième A,,,,,,,,\n"
                    + "person,adm.one,,administrator,Ada,Admin,,,,," + PASSWORD + "\n"
                    + "person,t.one,,teacher,Tina,One,,6A,,," + PASSWORD + "\n"
                    + "person,t.two,,teacher,Tom,Two,,6A,,," + PASSWORD + "\n"
                    + "person,s.one,,student,Sam,One,,6A,,," + PASSWORD + "\n"
                    + "person,g.one,,guardian,Gus,One,,,s.one,," + PASSWORD + "\n";

    @Autowired
    SignInThrottle throttle;

    @Autowired
    DirectoryImport directoryImport;

    @DynamicPropertySource
    static void smallSchool(DynamicPropertyRegistry registry) {
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
}
