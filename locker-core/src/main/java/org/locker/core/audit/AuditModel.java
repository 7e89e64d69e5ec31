package org.locker.core.audit;

import java.util.List;

/**
 * The stored names of the audit trail: {@code lk:auditEntry} nodes under {@code /audit/<yyyy>/<mm>}. The names
 * are those lockers first stored (the trail began as theirs), kept so that existing trails read on.
 */
public final class AuditModel {

    public static final String AUDIT_ENTRY = "lk:auditEntry";
    public static final String AUDIT_FOLDER = "/audit";

    public static final String ACTION = "lk:action";
    public static final String ACTOR = "lk:actor";
    public static final String AT = "lk:at";
    /** The same property as a deposit's id ({@code lk:depositReference} on Alfresco). */
    public static final String DEPOSIT_ID = "lk:depositId";

    public static final String DOCUMENT_NAME = "lk:documentName";
    public static final String DETAIL = "lk:detail";

    /** Properties the platform must index for the trail's queries (by deposit, by action). */
    public static final List<String> INDEXED = List.of(DEPOSIT_ID, ACTION);

    private AuditModel() {}
}
