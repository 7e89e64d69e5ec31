package org.locker.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locker.core.PropertySeeds;

/** User ids are checked by hand (a selection holds thousands): the check must say what the documented rule says. */
class UserIdTest {

    private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");
    private static final String VALID = "abcxyz0189._@-";
    private static final String INVALID = "A/ :\n\u00e9";
    private static final int CANDIDATES_PER_SEED = 10;

    static LongStream seeds() {
        return PropertySeeds.seeds(200, 1L, 42L, 20_261_130L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldAcceptExactlyWhatTheRuleAccepts(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < CANDIDATES_PER_SEED; i++) {
            String value = candidate(random);
            assertThat(UserId.isValid(value))
                    .as(
                            "%s, candidate %d: \"%s\" (length %d)",
                            PropertySeeds.replay(seed), i, value.replace("\n", "\\n"), value.length())
                    .isEqualTo(RULE.matcher(value).matches());
        }
    }

    /**
     * Mostly valid characters, with some that are not, and lengths up to just over the limit; half of the
     * candidates use valid characters only, so that long valid ids (and the limit itself) are met.
     */
    static String candidate(Random random) {
        String alphabet = random.nextBoolean() ? VALID : VALID + INVALID;
        // lengths 0..102 each likely, and the edges of the limit more often
        int length = random.nextInt(4) == 0 ? 99 + random.nextInt(4) : random.nextInt(103);
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.toString();
    }

    @Test
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
