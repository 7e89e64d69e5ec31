package org.locker.core.discussion;

import java.text.MessageFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The outcome of a rule check: allowed, or refused with a stable {@link RefusalReason}. An
 * {@link RefusalReason#OUTSIDE_HOURS} refusal also carries the next opening of the daily window, in the
 * establishment's time zone. Decisions without a date are shared constants, so that checking allocates nothing.
 */
public final class Decision {

    static final String BUNDLE = "org.locker.core.discussion.messages";

    private static final Decision ALLOWED = new Decision(null, null);
    private static final Decision[] REFUSALS = new Decision[RefusalReason.values().length];

    static {
        for (RefusalReason reason : RefusalReason.values()) {
            REFUSALS[reason.ordinal()] = new Decision(reason, null);
        }
    }

    private final RefusalReason reason;
    private final ZonedDateTime nextOpening;

    private Decision(RefusalReason reason, ZonedDateTime nextOpening) {
        this.reason = reason;
        this.nextOpening = nextOpening;
    }

    public static Decision allowed() {
        return ALLOWED;
    }

    /** A refusal; use {@link #outsideHours} for {@link RefusalReason#OUTSIDE_HOURS}, which needs a date. */
    public static Decision refused(RefusalReason reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason == RefusalReason.OUTSIDE_HOURS) {
            throw new IllegalArgumentException("an OUTSIDE_HOURS refusal needs the next opening");
        }
        return REFUSALS[reason.ordinal()];
    }

    public static Decision outsideHours(ZonedDateTime nextOpening) {
        return new Decision(RefusalReason.OUTSIDE_HOURS, Objects.requireNonNull(nextOpening, "nextOpening"));
    }

    public boolean isAllowed() {
        return reason == null;
    }

    public boolean isRefused() {
        return reason != null;
    }

    /** Empty when allowed. */
    public Optional<RefusalReason> reason() {
        return Optional.ofNullable(reason);
    }

    /** Present for an {@link RefusalReason#OUTSIDE_HOURS} refusal only. */
    public Optional<ZonedDateTime> nextOpening() {
        return Optional.ofNullable(nextOpening);
    }

    /**
     * The refusal explained to a user, in French for a French locale and in English otherwise.
     *
     * @throws IllegalStateException if the decision is an approval: there is nothing to explain
     */
    public String message(Locale locale) {
        if (reason == null) {
            throw new IllegalStateException("an allowed decision has no refusal message");
        }
        // No fallback to the JVM's default locale: an English request must not get French on a French server.
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = bundle.getString(reason.messageKey());
        String opening = nextOpening == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(nextOpening);
        return new MessageFormat(pattern, locale).format(new Object[] {opening});
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Decision d && reason == d.reason && Objects.equals(nextOpening, d.nextOpening);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, nextOpening);
    }

    @Override
    public String toString() {
        if (reason == null) {
            return "allowed";
        }
        return nextOpening == null ? "refused " + reason : "refused " + reason + " until " + nextOpening;
    }
}
