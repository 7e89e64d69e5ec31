package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.locker.core.discussion.School.BENALI;
import static org.locker.core.discussion.School.EMMA;
import static org.locker.core.discussion.School.GIRARD;
import static org.locker.core.discussion.School.PAUL;
import static org.locker.core.discussion.School.PRINCIPAL;
import static org.locker.core.discussion.School.REY;
import static org.locker.core.discussion.School.SOPHIE;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locker.core.discussion.Discussions.Contact;
import org.locker.core.platform.UserId;

/** Whom one may start a discussion with, and which of their classes one is shown. */
class ContactsTest {

    static School school;
    static Contacts contacts;

    @BeforeAll
    static void open() {
        school = new School();
        contacts = school.contacts();
    }

    @AfterAll
    static void close() {
        school.close();
    }

    @Test
    void aFamilyShouldSeeOnlyTheClassesItSharesWithAContact() {
        // Girard teaches 6A and 5B; Sophie's child is in 6A, Paul's in 5B
        assertThat(classesOf(contacts.allowedAsSeenBy(SOPHIE), GIRARD)).containsExactly("6A");
        assertThat(classesOf(contacts.allowedAsSeenBy(PAUL), GIRARD)).containsExactly("5B");
        assertThat(classesOf(contacts.allowedAsSeenBy(EMMA), BENALI)).containsExactly("6A");
        assertThat(classesOf(contacts.allowed(SOPHIE), GIRARD)).as("unfiltered").containsExactly("6A", "5B");
    }

    @Test
    void theEstablishmentShouldSeeEveryClass() {
        assertThat(classesOf(contacts.allowedAsSeenBy(REY), GIRARD)).containsExactly("6A", "5B");
        assertThat(classesOf(contacts.allowedAsSeenBy(PRINCIPAL), GIRARD)).containsExactly("6A", "5B");
    }

    @Test
    void aStudentShouldBeOfferedTheEstablishmentOnly() {
        assertThat(contacts.allowedAsSeenBy(EMMA))
                .extracting(c -> c.profile().isEstablishment())
                .isNotEmpty()
                .containsOnly(true);
        assertThat(contacts.allowedAsSeenBy(EMMA))
                .extracting(Contact::id)
                .contains(GIRARD, PRINCIPAL)
                .doesNotContain(EMMA);
    }

    private static List<String> classesOf(List<Contact> contacts, UserId who) {
        return contacts.stream()
                .filter(c -> c.id().equals(who))
                .findFirst()
                .orElseThrow()
                .classes();
    }
}
