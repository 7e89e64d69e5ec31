package org.locker.core.discussion;

import java.util.Objects;
import java.util.Optional;
import org.locker.core.platform.UserId;

/**
 * One entry of {@link DiscussionModel#MEMBERS}, stored as {@code "id|broughtBy"} ({@code "id|"} for the starter;
 * a bare {@code "id"} is read as brought by nobody).
 *
 * @param broughtBy who started the discussion with the member or invited them; null for the starter
 */
record MemberEntry(UserId member, UserId broughtBy) {

    private static final char SEPARATOR = '|';

    MemberEntry {
        Objects.requireNonNull(member, "member");
    }

    /** The entry stored as {@code value}; empty when its member id is not a valid id (the entry is skipped). */
    static Optional<MemberEntry> parse(String value) {
        int bar = value.indexOf(SEPARATOR);
        String id = bar < 0 ? value : value.substring(0, bar);
        String broughtBy = bar < 0 ? "" : value.substring(bar + 1);
        if (!UserId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.of(new MemberEntry(UserId.of(id), broughtBy.isEmpty() ? null : UserId.of(broughtBy)));
    }

    String format() {
        return member.value() + SEPARATOR + (broughtBy == null ? "" : broughtBy.value());
    }
}
