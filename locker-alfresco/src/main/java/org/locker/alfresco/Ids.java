package org.locker.alfresco;

import java.util.regex.Pattern;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NotFoundException;

/**
 * Ids checked before they go into an Alfresco URL. Node ids and version labels reach the binding from the
 * service's clients ({@code /api/v1/lockers/documents/{id}}): unchecked, {@code ../../etc/passwd} was sent to
 * Alfresco as a path (recorded). A node id is a single path segment of letters, digits, '-' and '_' (Alfresco's
 * node ids are UUIDs), not one of Alfresco's aliases ({@code -root-}, {@code -my-}, which begin with '-'); a version
 * label is {@code major.minor}. Anything else names no node: {@link NotFoundException}, and no call is made.
 * User and group ids are checked by the port's own {@code UserId} and {@code GroupId}.
 */
final class Ids {

    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}\\.[0-9]{1,9}");

    private Ids() {}

    /** The id as a URL path segment. @throws NotFoundException when it cannot be an Alfresco node id */
    static String node(NodeId id) {
        if (!NODE.matcher(id.value()).matches()) {
            throw new NotFoundException("no node has the id '" + abbreviate(id.value()) + "'");
        }
        return id.value();
    }

    /** The label as a URL path segment. @throws NotFoundException when it cannot be a version label */
    static String versionLabel(String label) {
        if (label == null || !VERSION.matcher(label).matches()) {
            throw new NotFoundException("no version is labelled '" + abbreviate(String.valueOf(label)) + "'");
        }
        return label;
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }
}
