package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.locker.core.locker.LockerSchool.COUNSELOR;
import static org.locker.core.locker.LockerSchool.T_ONE;
import static org.locker.core.locker.LockerSchool.request;
import static org.locker.core.locker.LockerSchool.windowed;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locker.core.locker.Lockers.Deposited;
import org.locker.core.locker.Lockers.Distribution;
import org.locker.core.locker.Lockers.DistributionPage;
import org.locker.core.locker.Lockers.LockerEntry;
import org.locker.core.locker.Lockers.LockerFilter;
import org.locker.core.locker.Lockers.LockerPage;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;

/**
 * Deposits by month (docs/decisions/0020): what each deposit stores, first pages that ask for the newest month only,
 * pages across months with empty months between them, and deposits stored before months existed.
 */
class DepositMonthsTest {

    @Test
    void eachDepositAndItsGuardiansEditionShouldHoldTheirPrincipalsAndDepositorByMonth() {
        try (LockerSchool school = new LockerSchool()) {
            Instant now = school.clock.instant(); // 2026-03-02
            Deposited deposited = school.deposit(
                    T_ONE, windowed(now, now.plus(Duration.ofDays(3)), "user:c.couns", "guardians:6A"), "both.txt");
            try (PlatformSession system = school.platform.systemSession()) {
                StoredDeposit deposit =
                        school.store.find(system, deposited.id()).orElseThrow();
                assertThat(deposit.node().strings(LockerModel.RECIPIENT_MONTHS))
                        .isNotEmpty()
                        .containsExactlyInAnyOrderElementsOf(deposit.recipients().stream()
                                .map(r -> r + "|2026-03")
                                .toList());
                assertThat(deposit.node().string(LockerModel.DEPOSITOR_MONTH)).contains("t.one|2026-03");
                StoredDeposit edition = school.store.edition(system, deposit).orElseThrow();
                assertThat(edition.node().strings(LockerModel.RECIPIENT_MONTHS))
                        .isNotEmpty()
                        .containsExactlyInAnyOrderElementsOf(edition.recipients().stream()
                                .map(r -> r + "|2026-03")
                                .toList());
            }
        }
    }

    @Test
    void theFirstPageShouldAskForTheNewestMonthOnlyAndPagesShouldCrossEmptyMonths() {
        try (LockerSchool school = new LockerSchool()) {
            List<String> expected = new ArrayList<>();
            depositEvery(school, "march-", 3, Duration.ofHours(1), expected); // 2026-03
            school.clock.advance(Duration.ofDays(70)); // April is empty: May
            depositEvery(school, "may-", 2, Duration.ofHours(1), expected);
            school.clock.advance(Duration.ofDays(240)); // seven empty months: January 2027
            depositEvery(school, "january-", 15, Duration.ofMinutes(1), expected);
            Collections.reverse(expected); // newest first

            Recording recording = new Recording(school.platform);
            LockerPages pages = new LockerPages(recording.platform(), school.clock, school.store);
            LockerPage first = pages.page(COUNSELOR, LockerFilter.none(), Optional.empty(), 2);
            assertThat(first.entries())
                    .extracting(LockerEntry::name)
                    .containsExactly("january-14.txt", "january-13.txt");
            assertThat(recording.monthValues(LockerModel.DEPOSIT))
                    .as("the first page reads the newest month's deposits only")
                    .isNotEmpty()
                    .allMatch(v -> v.endsWith("|2027-01"));
            assertThat(recording.queriedOn(LockerModel.RECIPIENTS)).isFalse();

            List<String> seen = new ArrayList<>(names(first));
            LockerPage page = first;
            while (page.next().isPresent()) {
                page = pages.page(COUNSELOR, LockerFilter.none(), page.next(), 2);
                seen.addAll(names(page));
            }
            assertThat(seen).containsExactlyElementsOf(expected);
            assertThat(names(pages.page(COUNSELOR, LockerFilter.none(), Optional.empty(), 50)))
                    .containsExactlyElementsOf(expected);
            // a date filter ending in May: the months after it are not asked for
            recording.queries.clear();
            LockerFilter untilJune = new LockerFilter(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(Instant.parse("2026-06-01T00:00:00Z")));
            assertThat(names(pages.page(COUNSELOR, untilJune, Optional.empty(), 50)))
                    .containsExactly("may-1.txt", "may-0.txt", "march-2.txt", "march-1.txt", "march-0.txt");
            assertThat(recording.monthValues(LockerModel.DEPOSIT)).noneMatch(v -> v.endsWith("|2027-01"));

            // my distributions: the first page asks for the depositor's newest month only, and pages cross months
            recording.queries.clear();
            Distributions distributions =
                    new Distributions(recording.platform(), school.clock, school.store, school.audit, school.notices);
            DistributionPage mine = distributions.page(T_ONE, Optional.empty(), 2, Optional.empty());
            assertThat(mine.items()).extracting(Distribution::name).containsExactly("january-14.txt", "january-13.txt");
            assertThat(recording.monthValues(LockerModel.DEPOSIT)).containsExactly("t.one|2027-01");
            assertThat(recording.queriedOn(LockerModel.DEPOSITOR)).isFalse();
            List<String> given = new ArrayList<>(
                    mine.items().stream().map(Distribution::name).toList());
            while (mine.next().isPresent()) {
                mine = distributions.page(T_ONE, mine.next(), 3, Optional.empty());
                given.addAll(mine.items().stream().map(Distribution::name).toList());
            }
            assertThat(given).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void depositsStoredBeforeMonthsShouldBeFoundBeforeAndAfterTheMigration() {
        try (LockerSchool school = new LockerSchool(false)) {
            List<String> expected = new ArrayList<>();
            depositEvery(school, "old-", 3, Duration.ofDays(1), expected);
            school.clock.advance(Duration.ofDays(40));
            Instant now = school.clock.instant();
            school.deposit(
                    T_ONE, windowed(now, now.plus(Duration.ofDays(3)), "user:c.couns", "guardians:6A"), "windowed.txt");
            expected.add("windowed.txt");
            Collections.reverse(expected);
            int stored;
            try (PlatformSession system = school.platform.systemSession()) {
                // as deposits were stored before months existed
                List<Node> all = system.query(
                        NodeQuery.ofType(LockerModel.DEPOSIT).page(0, 1000).build());
                Map<String, Object> none = new HashMap<>();
                none.put(LockerModel.RECIPIENT_MONTHS, null);
                none.put(LockerModel.DEPOSITOR_MONTH, null);
                all.forEach(n -> system.updateProperties(n.id(), none));
                system.save();
                stored = all.size();
            }
            assertThat(stored).as("four deposits and one guardians' edition").isEqualTo(5);
            LockerPages pages = new LockerPages(school.platform, school.clock, school.store);
            assertThat(names(pages.page(COUNSELOR, LockerFilter.none(), Optional.empty(), 2)))
                    .as("before the migration, as before months existed")
                    .containsExactlyElementsOf(expected.subList(0, 2));

            assertThat(new DepositMonthsMigration(school.platform, school.store).run())
                    .isEqualTo(5);

            Recording recording = new Recording(school.platform);
            LockerPages after = new LockerPages(recording.platform(), school.clock, school.store);
            List<String> seen = new ArrayList<>();
            LockerPage page = after.page(COUNSELOR, LockerFilter.none(), Optional.empty(), 2);
            seen.addAll(names(page));
            while (page.next().isPresent()) {
                page = after.page(COUNSELOR, LockerFilter.none(), page.next(), 2);
                seen.addAll(names(page));
            }
            assertThat(seen).containsExactlyElementsOf(expected);
            assertThat(recording.monthValues(LockerModel.DEPOSIT)).isNotEmpty();
            assertThat(recording.queriedOn(LockerModel.RECIPIENTS)).isFalse();
            Distributions distributions =
                    new Distributions(school.platform, school.clock, school.store, school.audit, school.notices);
            assertThat(distributions
                            .page(T_ONE, Optional.empty(), 50, Optional.empty())
                            .items())
                    .extracting(Distribution::name)
                    .containsExactlyElementsOf(expected);
            assertThat(new DepositMonthsMigration(school.platform, school.store).run())
                    .as("done once")
                    .isZero();
        }
    }

    private static void depositEvery(LockerSchool school, String prefix, int count, Duration step, List<String> names) {
        for (int i = 0; i < count; i++) {
            school.deposit(T_ONE, request("user:c.couns", "user:t.two"), prefix + i + ".txt");
            names.add(prefix + i + ".txt");
            school.clock.advance(step);
        }
    }

    private static List<String> names(LockerPage page) {
        return page.entries().stream().map(LockerEntry::name).toList();
    }

    /** The platform, recording the queries of its sessions. */
    private static final class Recording {
        final List<NodeQuery> queries = Collections.synchronizedList(new ArrayList<>());
        private final ContentPlatform platform;

        Recording(ContentPlatform platform) {
            this.platform = platform;
        }

        ContentPlatform platform() {
            return (ContentPlatform) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {ContentPlatform.class}, (proxy, method, args) -> {
                        Object result = invoke(platform, method, args);
                        return result instanceof PlatformSession session ? recorded(session) : result;
                    });
        }

        private PlatformSession recorded(PlatformSession session) {
            return (PlatformSession) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {PlatformSession.class}, (proxy, method, args) -> {
                        if (method.getName().equals("query")) {
                            queries.add((NodeQuery) args[0]);
                        }
                        return invoke(session, method, args);
                    });
        }

        /** The values asked for on the month properties by the queries of {@code type}. */
        List<String> monthValues(String type) {
            return queries.stream()
                    .filter(q -> q.type().equals(type))
                    .flatMap(q -> q.conditions().stream())
                    .filter(c -> c instanceof NodeQuery.AnyOf)
                    .map(c -> (NodeQuery.AnyOf) c)
                    .filter(c -> c.property().equals(LockerModel.RECIPIENT_MONTHS)
                            || c.property().equals(LockerModel.DEPOSITOR_MONTH))
                    .flatMap(c -> c.values().stream())
                    .toList();
        }

        boolean queriedOn(String property) {
            return queries.stream()
                    .flatMap(q -> q.conditions().stream())
                    .anyMatch(c -> c.property().equals(property));
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
