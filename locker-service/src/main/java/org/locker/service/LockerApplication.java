package org.locker.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The locker service: digital lockers and governed discussions for a school, on a content platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LockerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LockerApplication.class, args);
    }
}
