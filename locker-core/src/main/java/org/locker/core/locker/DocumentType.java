package org.locker.core.locker;

import java.util.Objects;

/**
 * A document type of the establishment's vocabulary: a stable code (what deposits store and the API filters on)
 * and the labels people see.
 *
 * @param code upper case letters, digits and underscores ({@code AUTORISATION_DE_SORTIE})
 * @param en the English label, empty when the administrator gave none (the web app then uses its own dictionary
 *           for the seed's codes, else the other label)
 * @param fr the French label, empty when none was given
 */
public record DocumentType(String code, String en, String fr) {

    public DocumentType {
        Objects.requireNonNull(code, "code");
        en = en == null ? "" : en.strip();
        fr = fr == null ? "" : fr.strip();
    }
}
