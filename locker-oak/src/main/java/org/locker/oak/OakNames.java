package org.locker.oak;

import java.util.List;

/** The names the binding stores in Oak: the node type of engine nodes and the binding's own {@code lkp:} properties. */
final class OakNames {

    static final String NODE_TYPE = "oak:Unstructured";
    /** The engine type of a node ({@code lk:folder}, ...), the one engine name the binding reads itself. */
    static final String TYPE = "lk:type";

    static final String FOLDER_TYPE = "lk:folder";
    static final String NAME = "lkp:name";
    static final String NO_INHERIT = "lkp:noInherit";
    static final String CONTENT = "lkp:content";
    static final String MIME_TYPE = "lkp:mimeType";
    static final String SIZE = "lkp:size";
    static final String VERSION_LABEL = "lkp:versionLabel";
    static final String VERSION_AUTHOR = "lkp:versionAuthor";
    static final String VERSION_COMMENT = "lkp:versionComment";
    static final String FIRST_NAME = "profile/lkp:firstName";
    static final String LAST_NAME = "profile/lkp:lastName";
    static final String EMAIL = "profile/lkp:email";
    static final String DISPLAY_NAME = "profile/lkp:displayName";
    /** The binding's own properties a query projection reads (see {@link OakQueries}). */
    static final List<String> PROJECTED_OWN =
            List.of(NAME, MIME_TYPE, SIZE, VERSION_LABEL, "jcr:created", "jcr:lastModified");

    private OakNames() {}
}
