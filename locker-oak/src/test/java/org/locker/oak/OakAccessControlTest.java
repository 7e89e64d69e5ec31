package org.locker.oak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.jcr.Session;
import javax.jcr.security.AccessControlEntry;
import javax.jcr.security.AccessControlPolicy;
import org.apache.jackrabbit.api.security.JackrabbitAccessControlList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.Access;
import org.locker.core.platform.AccessEntry;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/** The access control lists a session changes and has not written yet: its pending state, on the in-memory platform. */
class OakAccessControlTest {

    private static final UserId READER = UserId.of("reader");
    private static OakPlatform platform;

    @BeforeAll
    static void openPlatform() {
        platform = OakTestPlatforms.inMemory();
        try (PlatformSession s = platform.systemSession()) {
            s.createUser(new NewUser(READER, "R", "Eader", "", null, Map.of()));
            s.save();
        }
    }

    @AfterAll
    static void closePlatform() {
        platform.close();
    }

    @Test
    void shouldWriteTheGrantsOfANodeOnlyWhenFlushed() throws Exception {
        NodeId doc = document("pending");
        Session session = platform.adminSession();
        try {
            SessionContext context = new SessionContext(session, UserId.of(OakPlatform.ADMIN_ID), platform);
            EngineTree tree = new EngineTree(context);
            OakAccessControl access =
                    new OakAccessControl(context, tree, new OakGrantees(context, new OakPrincipals(context)));
            String path = tree.get(doc).getPath();

            access.grant(doc, READER, Access.READ);
            assertThat(entriesOf(session, path))
                    .as("held by the delegate, not written")
                    .isZero();

            access.flush();
            assertThat(entriesOf(session, path)).isEqualTo(1);
        } finally {
            session.logout();
        }
    }

    @Test
    void shouldDropPendingGrantsWithADiscard() {
        NodeId doc = document("discarded");
        try (PlatformSession s = platform.systemSession()) {
            s.grant(doc, READER, Access.WRITE);
            s.discard();
            s.save();
            assertThat(s.accessEntries(doc)).isEmpty();
        }
        try (PlatformSession s = platform.sessionAs(READER)) {
            assertThat(s.findNode(doc)).isEmpty();
        }
    }

    @Test
    void shouldBlockAGrantOnAFolderBelowItWhereInheritanceWasTurnedOffInTheSameSession() {
        NodeId folder;
        NodeId closed;
        try (PlatformSession s = platform.systemSession()) {
            folder = s.ensureFolder("/blocked").id();
            closed = s.createFolder(folder, "closed", "lk:folder", Map.of()).id();
            s.setInheritance(closed, false); // not saved: no query finds it yet
            s.grant(folder, READER, Access.READ);
            assertThat(s.accessEntries(folder)).containsExactly(new AccessEntry(READER, Access.READ));
            s.save();
        }
        try (PlatformSession s = platform.sessionAs(READER)) {
            assertThat(s.findNode(folder)).isPresent();
            assertThat(s.findNode(closed)).isEmpty();
        }
    }

    private static NodeId document(String name) {
        try (PlatformSession s = platform.systemSession()) {
            Node folder = s.ensureFolder("/access-" + name);
            NodeId doc = s.createDocument(
                            folder.id(),
                            name + ".txt",
                            "lk:doc",
                            Map.of(),
                            new ContentSource(new ByteArrayInputStream(new byte[] {1}), "text/plain"))
                    .id();
            s.save();
            return doc;
        }
    }

    private static int entriesOf(Session session, String path) throws Exception {
        int entries = 0;
        for (AccessControlPolicy policy : session.getAccessControlManager().getPolicies(path)) {
            if (policy instanceof JackrabbitAccessControlList acl) {
                for (AccessControlEntry ignored : acl.getAccessControlEntries()) {
                    entries++;
                }
            }
        }
        return entries;
    }
}
