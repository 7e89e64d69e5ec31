package org.locker.oak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Value;
import javax.jcr.ValueFactory;

/** Conversion between the port's property values and JCR values. */
final class Values {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private Values() {}

    static Calendar calendar(Instant instant) {
        Calendar calendar = new GregorianCalendar(UTC);
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    /** A single JCR value for a non-list port value. */
    static Value value(ValueFactory factory, Object value) throws RepositoryException {
        if (value instanceof String s) {
            return factory.createValue(s);
        } else if (value instanceof Boolean b) {
            return factory.createValue(b);
        } else if (value instanceof Long l) {
            return factory.createValue(l);
        } else if (value instanceof Integer i) {
            return factory.createValue(i.longValue());
        } else if (value instanceof Instant i) {
            return factory.createValue(calendar(i));
        }
        throw new IllegalArgumentException(
                "unsupported value type " + value.getClass().getName());
    }

    static Value[] values(ValueFactory factory, List<?> list) throws RepositoryException {
        Value[] values = new Value[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = factory.createValue((String) list.get(i));
        }
        return values;
    }

    /** The port value of a JCR property. */
    static Object read(Property property) throws RepositoryException {
        if (property.isMultiple()) {
            List<String> list = new ArrayList<>();
            for (Value value : property.getValues()) {
                list.add(value.getString());
            }
            return List.copyOf(list);
        }
        return read(property.getValue());
    }

    /** The port value of a single JCR value. */
    static Object read(Value value) throws RepositoryException {
        return switch (value.getType()) {
            case PropertyType.BOOLEAN -> value.getBoolean();
            case PropertyType.LONG -> value.getLong();
            case PropertyType.DATE -> instant(value.getString());
            default -> value.getString();
        };
    }

    /**
     * A date as Oak stores it (ISO 8601, {@code 2026-11-24T09:00:00.000Z}); parsed directly, as going through a
     * {@link Calendar} was a sixth of a locker listing's time.
     */
    static Instant instant(String iso) {
        // the form Oak writes for a UTC calendar: 2026-11-24T09:00:00.000Z
        if (iso.length() == 24
                && iso.charAt(4) == '-'
                && iso.charAt(7) == '-'
                && iso.charAt(10) == 'T'
                && iso.charAt(13) == ':'
                && iso.charAt(16) == ':'
                && iso.charAt(19) == '.'
                && iso.charAt(23) == 'Z') {
            try {
                long day = java.time.LocalDate.of(digits(iso, 0, 4), digits(iso, 5, 7), digits(iso, 8, 10))
                        .toEpochDay();
                long seconds =
                        day * 86_400 + digits(iso, 11, 13) * 3_600L + digits(iso, 14, 16) * 60L + digits(iso, 17, 19);
                return Instant.ofEpochSecond(seconds, digits(iso, 20, 23) * 1_000_000L);
            } catch (java.time.DateTimeException | NumberFormatException e) {
                // not that form after all: the general parser below decides
            }
        }
        Calendar calendar = org.apache.jackrabbit.util.ISO8601.parse(iso);
        if (calendar == null) {
            throw new IllegalArgumentException("not a date: " + iso);
        }
        return calendar.toInstant();
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(s);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Whether a property name is the engine's (not JCR's, Oak's or the binding's own). */
    static boolean isEngineProperty(String name) {
        return !(name.startsWith("jcr:")
                || name.startsWith("rep:")
                || name.startsWith("oak:")
                || name.startsWith("lkp:")
                || name.startsWith("mix:")
                || name.startsWith(":")
                || name.equals(OakNames.TYPE));
    }

    static Map<String, Object> engineProperties(javax.jcr.Node node) throws RepositoryException {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (isEngineProperty(property.getName()) && property.getType() != PropertyType.BINARY) {
                properties.put(property.getName(), read(property));
            }
        }
        return properties;
    }

    /** Sets (a null value removes) properties on a node, switching between single and multiple values. */
    static void apply(javax.jcr.Node node, Map<String, Object> properties) throws RepositoryException {
        ValueFactory factory = node.getSession().getValueFactory();
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            String name = entry.getKey();
            if (!isEngineProperty(name)) {
                throw new IllegalArgumentException("reserved property name " + name);
            }
            Object value = entry.getValue();
            boolean exists = node.hasProperty(name);
            if (value == null) {
                if (exists) {
                    node.getProperty(name).remove();
                }
            } else if (value instanceof List<?> list) {
                if (exists && !node.getProperty(name).isMultiple()) {
                    node.getProperty(name).remove();
                }
                node.setProperty(name, values(factory, list));
            } else {
                if (exists && node.getProperty(name).isMultiple()) {
                    node.getProperty(name).remove();
                }
                node.setProperty(name, value(factory, value));
            }
        }
    }
}
