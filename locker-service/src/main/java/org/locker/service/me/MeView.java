package org.locker.service.me;

import java.util.Arrays;
import java.util.List;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.service.directory.PersonView;

/**
 * The caller as {@link PersonView} shows them, plus what "personnel" means, computed from
 * {@link Profile#isPersonnel()} so that clients (the web app) keep no list of their own.
 *
 * @param personnel         whether the caller is one of the establishment's personnel
 * @param personnelProfiles the codes of the personnel profiles ({@code teacher}, {@code staff}, ...)
 */
record MeView(
        String id,
        String profile,
        String firstName,
        String lastName,
        String displayName,
        String email,
        List<String> classes,
        List<String> children,
        List<String> delegateOf,
        boolean personnel,
        List<String> personnelProfiles) {

    static MeView of(Person person) {
        PersonView view = PersonView.of(person);
        return new MeView(
                view.id(),
                view.profile(),
                view.firstName(),
                view.lastName(),
                view.displayName(),
                view.email(),
                view.classes(),
                view.children(),
                view.delegateOf(),
                person.profile().isPersonnel(),
                Arrays.stream(Profile.values())
                        .filter(Profile::isPersonnel)
                        .map(Profile::code)
                        .toList());
    }
}
