package org.locker.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** User ids are checked by hand (a selection holds thousands): the check must say what the documented rule says. */
class UserIdTest {

    private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");

    @Property(tries = 2000)
    void shouldAcceptExactlyWhatTheRuleAccepts(@ForAll("candidates") String value) {
        assertThat(UserId.isValid(value)).as(value).isEqualTo(RULE.matcher(value).matches());
    }

    @Provide
    Arbitrary<String> candidates() {
        // mostly valid characters, with some that are not, and lengths around the limit
        return Arbitraries.strings().withChars("abcxyz0189._@-").withChars("A/ :\n\u00e9").ofMinLength(0)
                .ofMaxLength(102);
    }

    @Example
    void shouldRefuseNullEmptyTooLongAndLeadingPunctuation() {
        assertThat(UserId.isValid(null)).isFalse();
        assertThat(UserId.isValid("")).isFalse();
        assertThat(UserId.isValid("a".repeat(101))).isFalse();
        assertThat(UserId.isValid("a".repeat(100))).isTrue();
        assertThat(UserId.isValid(".a")).isFalse();
        assertThat(UserId.isValid("j.dupont@school-1_x")).isTrue();
        assertThat(UserId.isValid("J.Dupont")).isFalse();
        assertThatThrownBy(() -> UserId.of("a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
