package org.locker.core.locker;

import java.util.List;
import java.util.Optional;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Profile;
import org.locker.core.platform.UserId;

/**
 * One line of a deposit's selection, as the depositor wrote it: {@code user:<id>},
 * {@code category:<teacher|staff|counselor|guardian>}, {@code team:<class>} (a class's pedagogical team) or
 * {@code guardians:<class>}.
 */
public sealed interface RecipientSelector {

    /** The profiles a whole category may be selected of. */
    List<Profile> CATEGORIES = List.of(Profile.TEACHER, Profile.STAFF, Profile.COUNSELOR, Profile.GUARDIAN);

    /** The selector as written (stripped): what a refusal names. */
    String spec();

    record User(String spec, UserId user) implements RecipientSelector {}

    record Category(String spec, Profile profile) implements RecipientSelector {}

    record Team(String spec, ClassCode schoolClass) implements RecipientSelector {}

    record GuardiansOf(String spec, ClassCode schoolClass) implements RecipientSelector {}

    /** The selector {@code spec} writes; empty when it names no kind of recipient there is. */
    static Optional<RecipientSelector> parse(String spec) {
        String text = spec == null ? "" : spec.strip();
        int colon = text.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        String value = text.substring(colon + 1);
        return switch (text.substring(0, colon)) {
            case "user" -> UserId.isValid(value) ? Optional.of(new User(text, UserId.of(value))) : Optional.empty();
            case "category" ->
                Profile.fromCode(value).filter(CATEGORIES::contains).map(profile -> new Category(text, profile));
            case "team" ->
                ClassCode.isValid(value) ? Optional.of(new Team(text, ClassCode.of(value))) : Optional.empty();
            case "guardians" ->
                ClassCode.isValid(value) ? Optional.of(new GuardiansOf(text, ClassCode.of(value))) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Whether {@code spec} names a class's group (team or guardians), valid or not. */
    static boolean namesAClassGroup(String spec) {
        String text = spec == null ? "" : spec.strip();
        return text.startsWith("team:") || text.startsWith("guardians:");
    }
}
