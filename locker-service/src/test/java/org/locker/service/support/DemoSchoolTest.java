package org.locker.service.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of end-to-end tests on the demo school ({@link ServiceTestBase}: the whole service on a real embedded Oak
 * repository in a temporary directory, called over HTTP). Test classes that extend it share one running service,
 * so they must not change the directory.
 */
public abstract class DemoSchoolTest extends ServiceTestBase {

    @DynamicPropertySource
    static void demoSchool(DynamicPropertyRegistry registry) {
        registry.add("locker.demo.enabled", () -> "true");
    }
}
