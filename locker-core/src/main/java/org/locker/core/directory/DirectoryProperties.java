package org.locker.core.directory;

/** Names of the platform properties that store the directory on users and groups. */
public final class DirectoryProperties {

    /** User: the profile's code. */
    public static final String PROFILE = "lk:profile";
    /** User: classes (a student's class; a teacher's or staff member's teams). */
    public static final String CLASSES = "lk:classes";
    /** User (guardian): the ids of the students they are a guardian of. */
    public static final String CHILDREN = "lk:children";
    /** User (guardian): the classes where they are a delegate. */
    public static final String DELEGATE_OF = "lk:delegateOf";
    /** Group: what the group is ({@code class-students}, {@code class-team}, ..., {@code profile}). */
    public static final String GROUP_KIND = "lk:groupKind";
    /** Group: the class it belongs to. */
    public static final String GROUP_CLASS = "lk:class";
    /** Group (class students group): the class's display name. */
    public static final String CLASS_NAME = "lk:className";

    private DirectoryProperties() {}
}
