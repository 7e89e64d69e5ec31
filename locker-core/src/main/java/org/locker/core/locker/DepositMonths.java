package org.locker.core.locker;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;

/**
 * Deposits by month (docs/decisions/0020): each deposit holds, in indexed properties, its recipients and its
 * depositor each joined to the month of its date ({@code principal|yyyy-MM}, UTC). A platform's synchronous
 * property index is not ordered, so a query on {@code lk:recipients} finds all of a person's deposits and sorts
 * them before it can give the newest 50; a query on the newest months' values finds only those months' deposits.
 * The newest deposits are gathered month by month, newest first, over more months at a time while months come back
 * short, down to the oldest month that holds deposits (the oldest folder under {@link LockerModel#DEPOSITS_FOLDER}).
 *
 * <p>Deposits stored before the months existed get them from {@link #migrate}, at start-up; until it has finished
 * (a marker node), queries use the recipients' and depositor's own index as before.
 */
final class DepositMonths {

    /** Written once every stored deposit has its months; the version says which values it stands for. */
    static final String MIGRATED_MARKER = "/settings/deposit-months-v1";

    private static final DateTimeFormatter KEY =
            DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    /** At most this many values in one query ("any of"): principals times months. */
    private static final int MAX_VALUES = 240;
    /** At most this many months in one query. */
    private static final int MAX_SPAN = 24;
    /** Deposits updated per save by the migration. */
    private static final int BATCH = 500;

    /** The months that hold deposits: the oldest and the newest month folder. */
    record Range(YearMonth oldest, YearMonth newest) {}

    private volatile boolean migrated;

    /** {@code value|yyyy-MM} of each value, for a deposit dated {@code at}. */
    static List<String> keys(List<String> values, Instant at) {
        String month = KEY.format(at);
        return values.stream().map(v -> v + "|" + month).distinct().toList();
    }

    static String key(String value, YearMonth month) {
        return value + "|" + month;
    }

    static YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    /**
     * The months that hold deposits, read in {@code system} (a session that reads the deposits' folders), once the
     * migration has finished; empty before (callers query as before) or when nothing is deposited.
     */
    Optional<Range> range(PlatformSession system) {
        if (!migrated) {
            if (system.nodeAt(MIGRATED_MARKER).isEmpty()) {
                return Optional.empty();
            }
            migrated = true;
        }
        return system.nodeAt(LockerModel.DEPOSITS_FOLDER).flatMap(deposits -> {
            List<Node> years = numbered(system.children(deposits.id()));
            if (years.isEmpty()) {
                return Optional.empty();
            }
            List<Node> first = numbered(system.children(years.get(0).id()));
            List<Node> last =
                    numbered(system.children(years.get(years.size() - 1).id()));
            if (first.isEmpty() || last.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Range(
                    monthOf(years.get(0), first.get(0)),
                    monthOf(years.get(years.size() - 1), last.get(last.size() - 1))));
        });
    }

    /**
     * The newest deposits, at most {@code limit}, newest first, from {@code top} down to {@code bottom}: the query
     * for a list of months (newest first) is {@code query}, which orders by date, newest first. Months are disjoint
     * and taken newest first, so what each query gives is older than what the previous ones gave.
     */
    static List<Node> newest(
            PlatformSession session,
            YearMonth top,
            YearMonth bottom,
            int principals,
            int limit,
            Function<List<YearMonth>, NodeQuery.Builder> query) {
        List<Node> found = new ArrayList<>();
        int widest = Math.max(1, Math.min(MAX_SPAN, MAX_VALUES / Math.max(1, principals)));
        int span = 1;
        YearMonth month = top;
        while (!month.isBefore(bottom) && found.size() < limit) {
            List<YearMonth> months = new ArrayList<>();
            for (int i = 0; i < span && !month.isBefore(bottom); i++) {
                months.add(month);
                month = month.minusMonths(1);
            }
            found.addAll(session.query(
                    query.apply(months).page(0, limit - found.size()).build()));
            span = Math.min(widest, span * 2); // short months: take more of them at a time
        }
        return found;
    }

    /**
     * Gives every stored deposit that lacks them its months, month folder by month folder, saving every
     * {@value #BATCH} deposits, then writes the marker: idempotent, and safe to stop (a new start goes on).
     *
     * @return how many deposits were updated
     */
    int migrate(PlatformSession system) {
        if (system.nodeAt(MIGRATED_MARKER).isPresent()) {
            migrated = true;
            return 0;
        }
        int updated = 0;
        Optional<Node> deposits = system.nodeAt(LockerModel.DEPOSITS_FOLDER);
        if (deposits.isPresent()) {
            for (Node year : numbered(system.children(deposits.get().id()))) {
                for (Node month : numbered(system.children(year.id()))) {
                    List<Node> stored = system.query(NodeQuery.ofType(LockerModel.DEPOSIT)
                            .under(month.id())
                            .page(0, Integer.MAX_VALUE)
                            .build());
                    for (Node deposit : stored) {
                        if (deposit.properties().containsKey(LockerModel.RECIPIENT_MONTHS)
                                && deposit.properties().containsKey(LockerModel.DEPOSITOR_MONTH)) {
                            continue;
                        }
                        system.updateProperties(deposit.id(), monthsOf(deposit));
                        if (++updated % BATCH == 0) {
                            system.save();
                        }
                    }
                }
            }
        }
        system.ensureFolder(MIGRATED_MARKER);
        system.save();
        migrated = true;
        return updated;
    }

    /** The month properties of a stored deposit (or guardians' edition), from what it holds. */
    private static Map<String, Object> monthsOf(Node deposit) {
        Instant at = deposit.instant(LockerModel.DEPOSITED_AT).orElse(deposit.created());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(LockerModel.RECIPIENT_MONTHS, keys(deposit.strings(LockerModel.RECIPIENTS), at));
        properties.put(
                LockerModel.DEPOSITOR_MONTH,
                key(deposit.string(LockerModel.DEPOSITOR).orElse(""), month(at)));
        return properties;
    }

    /** The folders named by a number (years, months), in their numbers' order. */
    private static List<Node> numbered(List<Node> folders) {
        return folders.stream()
                .filter(f -> f.name().matches("\\d{1,4}"))
                .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.name())))
                .toList();
    }

    private static YearMonth monthOf(Node year, Node month) {
        return YearMonth.of(Integer.parseInt(year.name()), Integer.parseInt(month.name()));
    }
}
