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
    /** On a document whose current content is its first version, not yet checked in (decision 0025). */
    static final String FIRST_UNFROZEN = "lkp:firstUnfrozen";
    /** The first version of a document, kept on the node when its second content replaced it (decision 0025). */
    static final String FIRST_CONTENT = "lkp:firstContent";

    static final String FIRST_MIME_TYPE = "lkp:firstMimeType";
    static final String FIRST_SIZE = "lkp:firstSize";
    static final String FIRST_LABEL = "lkp:firstLabel";
    static final String FIRST_AUTHOR = "lkp:firstAuthor";
    static final String FIRST_COMMENT = "lkp:firstComment";
    static final String FIRST_CREATED = "lkp:firstCreated";
    static final String FIRST_NAME = "profile/lkp:firstName";
    static final String LAST_NAME = "profile/lkp:lastName";
    static final String EMAIL = "profile/lkp:email";
    static final String DISPLAY_NAME = "profile/lkp:displayName";
    /** The binding's own properties a query projection reads (see {@link OakQueries}). */
    static final List<String> PROJECTED_OWN =
            List.of(NAME, MIME_TYPE, SIZE, VERSION_LABEL, "jcr:created", "jcr:lastModified");

    private OakNames() {}
}
