package org.locker.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.locker.core.platform.UserId;

/**
 * A notification as recorded on the platform, in the same save as its cause: what happened, to whom, and what it
 * concerns. Titles and links only: never a document's content or a message's text, so that the platform's
 * permissions stay the only way in.
 *
 * @param id stable identifier of the record (the order of two records recorded at the same instant)
 * @param users the people notified
 * @param title what a person sees, e.g. the document's name or the discussion's subject (text, never markup)
 * @param actor the display name of who caused it ("Paul Girard"), empty for the school itself
 * @param link the web app's route to the item, relative ("#/locker/…"), which a mail turns into an absolute link
 * @param students the students it concerns (ids), for a guardian's per-child grouping; empty when not known
 * @param classes the classes it concerns (codes), for a guardian's per-child grouping; empty when not known
 */
public record Notification(
        String id,
        NotificationKind kind,
        Instant at,
        List<UserId> users,
        String title,
        String actor,
        String link,
        Set<String> students,
        Set<String> classes) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        users = List.copyOf(users);
        title = title == null ? "" : title;
        actor = actor == null ? "" : actor;
        link = link == null ? "" : link;
        students = Set.copyOf(students);
        classes = Set.copyOf(classes);
    }
}
