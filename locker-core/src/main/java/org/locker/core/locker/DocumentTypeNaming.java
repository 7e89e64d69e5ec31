package org.locker.core.locker;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.locker.core.locker.LockerRefusal.Reason;

/**
 * The administrator names a document type by its label; its code is derived from it, once: "Autorisation de
 * sortie" becomes {@code AUTORISATION_DE_SORTIE} (accents folded), and a type sent with its code keeps it whatever
 * its labels become, so that deposits already typed with it stay found.
 */
final class DocumentTypeNaming {

    static final int CODE_LIMIT = 40;
    static final int LABEL_LIMIT = 100;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1," + CODE_LIMIT + "}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_CODE = Pattern.compile("[^A-Z0-9]+");

    private DocumentTypeNaming() {}

    /**
     * A code as today's clients send it ("CIRCULAR", in any case), else a label (in both languages) whose code is
     * derived.
     */
    static DocumentType fromText(String text) {
        String stripped = text == null ? "" : text.strip();
        String upper = stripped.toUpperCase(Locale.ROOT);
        if (CODE.matcher(upper).matches()) {
            return new DocumentType(upper, "", "");
        }
        return new DocumentType("", stripped, stripped);
    }

    /** The code of a label: letters without their accents, upper case, words joined by underscores. */
    static String codeOf(String label) {
        String folded = Normalizer.normalize(label, Normalizer.Form.NFKD)
                .replace("œ", "oe")
                .replace("Œ", "OE")
                .replace("æ", "ae")
                .replace("Æ", "AE")
                .replace("ß", "ss");
        folded = MARKS.matcher(folded).replaceAll("").toUpperCase(Locale.ROOT);
        String code = NOT_CODE.matcher(folded).replaceAll("_").replaceAll("^_+|_+$", "");
        if (code.length() > CODE_LIMIT) {
            code = code.substring(0, CODE_LIMIT).replaceAll("_+$", "");
        }
        return code;
    }

    /**
     * The vocabulary to store: each type with its code (given, or derived from its French label, else its English
     * one), each code once; at least one.
     *
     * @throws LockerRefusal INVALID_SETTINGS for an empty list, DOCUMENT_TYPE_LABEL_INVALID for a type without a
     *     usable label or code, DOCUMENT_TYPE_CLASH when two different types come to the same code
     */
    static List<DocumentType> checked(List<DocumentType> types) {
        Map<String, DocumentType> byCode = new LinkedHashMap<>();
        for (DocumentType type : types) {
            if (type == null) {
                throw new LockerRefusal(Reason.DOCUMENT_TYPE_LABEL_INVALID, "");
            }
            if (type.en().length() > LABEL_LIMIT || type.fr().length() > LABEL_LIMIT) {
                throw new LockerRefusal(Reason.DOCUMENT_TYPE_LABEL_INVALID, longest(type));
            }
            String given = type.code().strip().toUpperCase(Locale.ROOT);
            String code;
            if (!given.isEmpty()) {
                if (!CODE.matcher(given).matches()) {
                    throw new LockerRefusal(Reason.DOCUMENT_TYPE_LABEL_INVALID, type.code());
                }
                code = given;
            } else {
                String label = type.fr().isEmpty() ? type.en() : type.fr();
                code = codeOf(label);
                if (code.isEmpty()) {
                    throw new LockerRefusal(Reason.DOCUMENT_TYPE_LABEL_INVALID, label);
                }
            }
            DocumentType named = new DocumentType(code, type.en(), type.fr());
            DocumentType before = byCode.putIfAbsent(code, named);
            // the same type twice is one type; a code without labels takes the labels given elsewhere
            if (before != null && !before.equals(named)) {
                if (unlabelled(before)) {
                    byCode.put(code, named);
                } else if (!unlabelled(named)) {
                    throw new LockerRefusal(Reason.DOCUMENT_TYPE_CLASH, labelOf(before), labelOf(named));
                }
            }
        }
        if (byCode.isEmpty()) {
            throw new LockerRefusal(Reason.INVALID_SETTINGS, "[]");
        }
        return new ArrayList<>(byCode.values());
    }

    private static boolean unlabelled(DocumentType type) {
        return type.en().isEmpty() && type.fr().isEmpty();
    }

    private static String longest(DocumentType type) {
        return type.en().length() >= type.fr().length() ? type.en() : type.fr();
    }

    private static String labelOf(DocumentType type) {
        return !type.fr().isEmpty() ? type.fr() : !type.en().isEmpty() ? type.en() : type.code();
    }
}
