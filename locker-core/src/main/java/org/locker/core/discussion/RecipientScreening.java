package org.locker.core.discussion;

import java.util.List;
import java.util.Optional;

/**
 * Who exists is the directory's business, which students and guardians do not read. So when one of them names
 * recipients, a recipient who is not someone they may contact and an id that names nobody get one answer,
 * {@link RefusalReason#NOT_A_CONTACT}: the precise reasons (a teacher's preferences, the supervision of families,
 * guardian messaging, a disabled profile) would tell that the id is a person, and what kind. The personnel and
 * administrators, who read the directory, keep the precise reasons and {@code UNKNOWN_PARTICIPANT}.
 *
 * <p>What concerns the starter alone (discussions off, their profile off, their bar) is answered first and as it
 * is, whoever the recipients; what concerns recipients who are all contacts (two families put together, the
 * daily window) follows in the rules, as precise as ever: the starter's contacts are no secret to them.
 */
final class RecipientScreening {

    private RecipientScreening() {}

    /** Whether {@code starter} must not learn from an answer which ids exist: those who do not read the directory. */
    static boolean hidesExistence(Participant starter) {
        return !starter.profile().readsDirectory();
    }

    /**
     * The refusal of a start by {@code starter} whose recipients are {@code recipients} (empty for an id that names
     * no person), before the rules' own checks; allowed when each recipient is someone the starter may contact.
     */
    static Decision screen(DiscussionRules rules, Participant starter, List<Optional<Participant>> recipients) {
        Decision own = rules.mayInitiate(starter);
        if (own.isRefused()) {
            return own;
        }
        for (Optional<Participant> recipient : recipients) {
            if (recipient.isEmpty()
                    || rules.allowedContacts(starter, List.of(recipient.get())).isEmpty()) {
                return Decision.refused(RefusalReason.NOT_A_CONTACT);
            }
        }
        return Decision.allowed();
    }
}
