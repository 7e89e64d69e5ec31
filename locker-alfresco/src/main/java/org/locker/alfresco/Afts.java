package org.locker.alfresco;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Alfresco Full Text Search (AFTS) terms the binding writes, all of them answered by Alfresco's database
 * (transactional metadata queries) rather than by the search index: {@code =prop:"value"} (an exact match, which
 * the database engine takes in IDENTIFIER mode), {@code TYPE:}, {@code PARENT:}, and disjunctions of those in
 * parentheses. Ranges, {@code ANCESTOR:} and {@code ISNOTNULL:} are not among them (docs/decisions/0010): the
 * binding checks those itself ({@link DatabaseQuery}). Values are quoted and escaped; property names are checked.
 */
final class Afts {

    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9]*:[A-Za-z][A-Za-z0-9_-]*");
    private static final String STORE = "workspace://SpacesStore/";

    private Afts() {}

    /** {@code =prop:"value"}: an exact match, on one of the values of a multi-valued property. */
    static String equalsTerm(String property, Object value) {
        return "=" + name(property) + ":" + literal(value);
    }

    /** {@code (=prop:"a" OR =prop:"b")}. */
    static String anyOfTerm(String property, List<?> values) {
        return or(values.stream().map(v -> equalsTerm(property, v)).toList());
    }

    /** The nodes whose primary parent is the given node. */
    static String parentTerm(String nodeId) {
        return "PARENT:" + quote(STORE + nodeId);
    }

    /** Nodes of the Alfresco type or one of its subtypes. */
    static String typeTerm(String alfrescoType) {
        return "TYPE:" + quote(name(alfrescoType));
    }

    /** A disjunction in parentheses (a single term as it is). */
    static String or(List<String> terms) {
        return terms.size() == 1 ? terms.get(0) : "(" + String.join(" OR ", terms) + ")";
    }

    static String and(List<String> terms) {
        return String.join(" AND ", terms);
    }

    static String name(String property) {
        if (!PROPERTY.matcher(property).matches()) {
            throw new IllegalArgumentException("invalid property name: " + property);
        }
        return property;
    }

    private static String literal(Object value) {
        if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Instant instant) {
            return quote(instant.toString());
        }
        return quote(String.valueOf(value));
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
