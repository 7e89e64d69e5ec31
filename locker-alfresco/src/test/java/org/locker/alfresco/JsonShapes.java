package org.locker.alfresco;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Compares the shape of two JSON answers, not their values: the same keys in every object, the same JSON types,
 * lists both empty or both holding elements of a recorded shape. A node's or a person's {@code properties} are
 * data rather than structure: there only the recorded {@code lk:} and {@code cm:version...} properties must be
 * present, with the same JSON type.
 */
final class JsonShapes {

    private JsonShapes() {}

    /** The differences between the recorded answer and the actual one; empty when they have the same shape. */
    static List<String> differences(JsonNode recorded, JsonNode actual) {
        List<String> problems = new ArrayList<>();
        compare("$", recorded, actual, false, problems);
        return problems;
    }

    private static void compare(
            String path, JsonNode recorded, JsonNode actual, boolean properties, List<String> problems) {
        if (!type(recorded).equals(type(actual))) {
            problems.add(path + ": recorded " + type(recorded) + ", got " + type(actual));
            return;
        }
        if (recorded.isObject() && properties) {
            for (String name : recorded.propertyNames()) {
                if ((name.startsWith("lk:") || name.startsWith("cm:version")) && !actual.has(name)) {
                    problems.add(path + ": property " + name + " missing");
                } else if (actual.has(name) && !type(recorded.get(name)).equals(type(actual.get(name)))) {
                    problems.add(path + "." + name + ": recorded " + type(recorded.get(name)) + ", got "
                            + type(actual.get(name)));
                }
            }
        } else if (recorded.isObject()) {
            Set<String> expected = new LinkedHashSet<>(recorded.propertyNames());
            Set<String> got = new LinkedHashSet<>(actual.propertyNames());
            if (!expected.equals(got)) {
                Set<String> missing = new LinkedHashSet<>(expected);
                missing.removeAll(got);
                Set<String> extra = new LinkedHashSet<>(got);
                extra.removeAll(expected);
                problems.add(path + ": keys differ, missing " + missing + ", unexpected " + extra);
            }
            for (String name : expected) {
                if (got.contains(name)) {
                    compare(
                            path + "." + name,
                            recorded.get(name),
                            actual.get(name),
                            name.equals("properties"),
                            problems);
                }
            }
        } else if (recorded.isArray()) {
            if (recorded.isEmpty() != actual.isEmpty()) {
                problems.add(path + ": recorded " + (recorded.isEmpty() ? "an empty" : "a non-empty") + " list, got "
                        + actual.size() + " element(s)");
                return;
            }
            for (int i = 0; i < actual.size(); i++) {
                boolean matched = false;
                List<String> closest = null;
                for (JsonNode element : recorded) {
                    List<String> attempt = new ArrayList<>();
                    compare(path + "[" + i + "]", element, actual.get(i), false, attempt);
                    if (attempt.isEmpty()) {
                        matched = true;
                        break;
                    }
                    if (closest == null || attempt.size() < closest.size()) {
                        closest = attempt;
                    }
                }
                if (!matched) {
                    problems.addAll(closest);
                }
            }
        }
    }

    private static String type(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "absent";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isArray() ? "array" : "object";
    }
}
