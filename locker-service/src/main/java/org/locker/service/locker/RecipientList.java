package org.locker.service.locker;

import java.util.ArrayList;
import java.util.List;

/**
 * A deposit's recipients as the form sends them: fields {@code recipients} (one selector each) and a text field
 * {@code recipientList} (one selector a line), which may be combined. A selection of thousands of users is sent
 * as the one text: thousands of form fields cost the request's parsing more than the deposit itself (issue 14).
 */
final class RecipientList {

    private RecipientList() {}

    /** Every selector of both, fields first; null when neither was sent (the engine then asks for recipients). */
    static List<String> merge(List<String> fields, String list) {
        if (list == null) {
            return fields;
        }
        List<String> selectors = new ArrayList<>(fields == null ? List.of() : fields);
        list.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(selectors::add);
        return selectors;
    }
}
