package org.locker.core.locker;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.locker.core.locker.Lockers.Audience;
import org.locker.core.platform.PlatformSession;

/** Who a deposit is for today, each with their audience: guardians through the deposit's guardian recipients. */
final class Readers {

    private Readers() {}

    /**
     * The users the deposit's recipients stand for now (groups expanded), plus whoever opened it, without its
     * depositor, in name order: guardians are those its guardian recipients stand for, the others personnel.
     */
    static Map<String, Audience> of(PlatformSession system, StoredDeposit deposit, Set<String> opened) {
        Set<String> guardians = expand(system, deposit.node().strings(LockerModel.GUARDIAN_RECIPIENTS));
        Set<String> all = expand(system, deposit.recipients());
        all.addAll(opened);
        all.remove(deposit.depositor());
        Map<String, Audience> readers = new TreeMap<>();
        for (String user : all) {
            readers.put(user, guardians.contains(user) ? Audience.GUARDIANS : Audience.PERSONNEL);
        }
        return readers;
    }

    private static Set<String> expand(PlatformSession system, Iterable<String> principals) {
        Set<String> users = new HashSet<>();
        for (String name : principals) {
            Principals.expand(system, Principals.principal(system, name), users, new HashSet<>());
        }
        return users;
    }
}
