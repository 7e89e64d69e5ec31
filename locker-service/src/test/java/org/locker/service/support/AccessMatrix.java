package org.locker.service.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The security matrix of an endpoint family: each caller (a user id, or null for anonymous) tries each endpoint and
 * gets the status expected for them; every mismatch is collected, so that one run shows the whole matrix's failures.
 */
public final class AccessMatrix {

    /** One endpoint called as one caller. */
    public interface Call {
        ApiClient.Response as(String user);
    }

    private final List<String> callers;
    private final List<String> failures = new ArrayList<>();

    /** @param callers user ids, null standing for an anonymous caller */
    public AccessMatrix(List<String> callers) {
        this.callers = new ArrayList<>(callers);
    }

    /** Expected status per caller: those listed get theirs, the anonymous caller 401, the others {@code otherwise}. */
    public Map<String, Integer> expect(int otherwise, Object... userThenStatus) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String user : callers) {
            expected.put(String.valueOf(user), user == null ? 401 : otherwise);
        }
        for (int i = 0; i < userThenStatus.length; i += 2) {
            expected.put(String.valueOf(userThenStatus[i]), (Integer) userThenStatus[i + 1]);
        }
        return expected;
    }

    /** Calls the endpoint as every caller and records each status that is not the expected one. */
    public void check(String endpoint, Call call, Map<String, Integer> expected) {
        for (String user : callers) {
            int status = call.as(user).status();
            int wanted = expected.get(String.valueOf(user));
            if (status != wanted) {
                failures.add(endpoint + " as " + user + ": " + status + " instead of " + wanted);
            }
        }
    }

    /** The mismatches so far, as sentences. */
    public List<String> failures() {
        return List.copyOf(failures);
    }
}
