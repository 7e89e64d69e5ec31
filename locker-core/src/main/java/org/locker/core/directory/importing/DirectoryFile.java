package org.locker.core.directory.importing;

import java.util.List;
import org.locker.core.directory.Person;
import org.locker.core.directory.SchoolClass;

/** A parsed and validated import file: the whole establishment's classes and persons. */
public record DirectoryFile(List<SchoolClass> classes, List<ImportedPerson> persons) {

    public DirectoryFile {
        classes = List.copyOf(classes);
        persons = List.copyOf(persons);
    }

    /**
     * A person and the password given in the file, if any.
     *
     * @param password null when the file gives none (the person then signs in through the platform)
     */
    public record ImportedPerson(Person person, String password) {}
}
