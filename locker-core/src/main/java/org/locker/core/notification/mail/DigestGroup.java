package org.locker.core.notification.mail;

import java.util.List;
import org.locker.core.notification.Notification;

/**
 * One part of a digest: a guardian's child ("Emma (6A)") or, for everyone else, one kind of notification.
 *
 * @param heading the child's first name and classes; empty for a group by kind (the mail names the kind) or for
 *        what concerns no child in particular
 */
record DigestGroup(String heading, List<Notification> items) {

    DigestGroup {
        items = List.copyOf(items);
    }
}
