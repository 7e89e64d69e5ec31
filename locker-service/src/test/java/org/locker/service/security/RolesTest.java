package org.locker.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.Profile;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RestController;

/** The role expressions follow the profiles' own definitions, and every endpoint uses one of them. */
class RolesTest {

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    @Test
    void shouldDefineTheEstablishmentAsThePersonnelAndTheAdministrators() {
        Set<Profile> personnel = profiles(Profile::isPersonnel);
        personnel.add(Profile.ADMINISTRATOR);

        assertThat(roles(Roles.ESTABLISHMENT)).isEqualTo(personnel);
        assertThat(roles(Roles.ESTABLISHMENT)).isEqualTo(profiles(Profile::readsDirectory));
        assertThat(roles(Roles.ESTABLISHMENT)).isEqualTo(profiles(Profile::isEstablishment));
    }

    @Test
    void shouldGiveALockerToEveryProfileButStudents() {
        Set<Profile> owners = EnumSet.allOf(Profile.class);
        owners.remove(Profile.STUDENT);

        assertThat(roles(Roles.LOCKER_OWNERS)).isEqualTo(owners);
        assertThat(roles(Roles.LOCKER_OWNERS)).containsAll(profiles(Profile::isPersonnel));
        assertThat(roles(Roles.ANY_PROFILE)).isEqualTo(EnumSet.allOf(Profile.class));
        assertThat(roles(Roles.ADMINISTRATOR)).containsExactly(Profile.ADMINISTRATOR);
        assertThat(roles(Roles.GUARDIAN)).containsExactly(Profile.GUARDIAN);
    }

    @Test
    void shouldGuardEveryEndpointWithAnExpressionOfRoles() throws Exception {
        Set<String> expressions = expressions();
        List<String> elsewhere = new ArrayList<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        for (var candidate : scanner.findCandidateComponents("org.locker.service")) {
            Class<?> type =
                    ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            List<PreAuthorize> guards = new ArrayList<>();
            guards.add(type.getAnnotation(PreAuthorize.class));
            for (Method method : type.getDeclaredMethods()) {
                guards.add(method.getAnnotation(PreAuthorize.class));
            }
            guards.stream()
                    .filter(g -> g != null && !expressions.contains(g.value()))
                    .forEach(g -> elsewhere.add(type.getSimpleName() + ": " + g.value()));
        }

        assertThat(elsewhere)
                .as("@PreAuthorize expressions that are not constants of Roles")
                .isEmpty();
    }

    private static Set<String> expressions() throws IllegalAccessException {
        Set<String> values = new java.util.HashSet<>();
        for (Field field : Roles.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                values.add((String) field.get(null));
            }
        }
        return values;
    }

    private static Set<Profile> roles(String expression) {
        Matcher matcher = ROLE.matcher(expression);
        Set<Profile> profiles = EnumSet.noneOf(Profile.class);
        while (matcher.find()) {
            profiles.add(Profile.valueOf(matcher.group(1)));
        }
        return profiles;
    }

    private static Set<Profile> profiles(java.util.function.Predicate<Profile> which) {
        return Arrays.stream(Profile.values())
                .filter(which)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Profile.class)));
    }
}
