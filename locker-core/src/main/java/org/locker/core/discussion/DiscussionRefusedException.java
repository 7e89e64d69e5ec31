package org.locker.core.discussion;

import java.util.Objects;

/** An action the {@link DiscussionRules} refused; carries the {@link Decision} (reason, next opening, messages). */
public final class DiscussionRefusedException extends RuntimeException {

    private final transient Decision decision;

    public DiscussionRefusedException(Decision decision) {
        super(Objects.requireNonNull(decision, "decision").toString());
        if (decision.isAllowed()) {
            throw new IllegalArgumentException("an allowed decision is not a refusal");
        }
        this.decision = decision;
    }

    public Decision decision() {
        return decision;
    }

    public RefusalReason reason() {
        return decision.reason().orElseThrow();
    }
}
