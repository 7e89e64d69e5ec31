package org.locker.oak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.jcr.LoginException;
import javax.jcr.NamespaceRegistry;
import javax.jcr.Node;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.SimpleCredentials;
import javax.jcr.Value;
import javax.jcr.ValueFactory;
import javax.jcr.security.AccessControlManager;
import javax.jcr.security.Privilege;
import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.JackrabbitAccessControlList;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.api.security.user.User;
import org.apache.jackrabbit.commons.jackrabbit.authorization.AccessControlUtils;
import org.apache.jackrabbit.oak.spi.security.principal.EveryonePrincipal;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the repository at each start, before the first session: the admin password, the namespaces, the
 * property indexes, the engine root and the recipient sets' folder (each denying everything to {@code everyone}),
 * then loads the recipient sets and the ids of users and groups into the platform's memory.
 */
final class OakBootstrap {

    private static final String DEFAULT_ADMIN_PASSWORD = "admin";
    /** The platform's start-up, logged under the platform's name as before. */
    private static final Logger LOG = LoggerFactory.getLogger(OakPlatform.class);

    private final OakLogins logins;
    private final RecipientSets recipientSets;
    private final Map<String, PrincipalId> authorizableIds;

    OakBootstrap(OakLogins logins, RecipientSets recipientSets, Map<String, PrincipalId> authorizableIds) {
        this.logins = logins;
        this.recipientSets = recipientSets;
        this.authorizableIds = authorizableIds;
    }

    /** Runs the start-up; {@code lk:type}, {@code lkp:noInherit} and {@code indexedProperties} get an index. */
    void run(Set<String> indexedProperties, Set<String> selectiveProperties, DurableCommits durableCommits)
            throws RepositoryException {
        ensureAdminPassword();
        Session session = logins.admin();
        try {
            NamespaceRegistry namespaces = session.getWorkspace().getNamespaceRegistry();
            registerNamespace(namespaces, "lk", OakPlatform.LOCKER_NAMESPACE);
            registerNamespace(namespaces, "lkp", OakPlatform.PLATFORM_NAMESPACE);
            List<String> indexed = new ArrayList<>();
            indexed.add(OakNames.TYPE);
            indexed.add(OakNames.NO_INHERIT);
            indexed.addAll(indexedProperties);
            createIndexes(session, indexed);
            priceSelectiveIndexes(session, selectiveProperties);
            if (!session.nodeExists(OakPlatform.ROOT)) {
                Node root = session.getRootNode().addNode(OakPlatform.ROOT.substring(1), OakNames.NODE_TYPE);
                root.addMixin("mix:referenceable");
                root.addMixin("mix:created");
                root.addMixin("mix:lastModified");
                root.setProperty(OakNames.TYPE, "lk:root");
                root.setProperty(OakNames.NAME, "");
                // Nobody but the administrator reads the engine's tree unless granted.
                denyEveryone(session, OakPlatform.ROOT);
            }
            if (!session.nodeExists(RecipientSets.FOLDER)) {
                session.getRootNode().addNode(RecipientSets.FOLDER.substring(1), OakNames.NODE_TYPE);
                denyEveryone(session, RecipientSets.FOLDER);
            }
            session.save();
            loadRecipientSets(session);
            rememberAuthorizableIds(session);
        } finally {
            session.logout();
        }
        // the admin password, namespaces, indexes and root: all written before the first request is served
        durableCommits.awaitDurable();
    }

    private static void createIndexes(Session session, List<String> indexed) throws RepositoryException {
        Node oakIndex = session.getNode("/oak:index");
        ValueFactory values = session.getValueFactory();
        for (String property : indexed) {
            String indexName = "locker-" + property.replace(':', '-');
            if (!oakIndex.hasNode(indexName)) {
                Node index = oakIndex.addNode(indexName, "oak:QueryIndexDefinition");
                index.setProperty("type", "property");
                index.setProperty("propertyNames", new Value[] {values.createValue(property, PropertyType.NAME)});
                index.setProperty("reindex", true);
                LOG.info("created Oak property index {} for {}", indexName, property);
            }
        }
    }

    /**
     * About a hundred nodes per value: Oak then prices a query on the property at a hundred plus its number of values,
     * below what its sampling gives another condition's index (lk:type) in a large repository. Only a cost hint: no
     * reindex; set on indexes created before too.
     */
    private static void priceSelectiveIndexes(Session session, Set<String> selective) throws RepositoryException {
        Node oakIndex = session.getNode("/oak:index");
        for (String property : selective) {
            Node index = oakIndex.getNode("locker-" + property.replace(':', '-'));
            if (!index.hasProperty("entryCount")) {
                index.setProperty("entryCount", 1_000_000L);
                index.setProperty("keyCount", 10_000L);
            }
        }
    }

    private static void denyEveryone(Session session, String path) throws RepositoryException {
        JackrabbitAccessControlList acl = AccessControlUtils.getAccessControlList(session, path);
        AccessControlManager acm = session.getAccessControlManager();
        acl.addEntry(
                EveryonePrincipal.getInstance(), new Privilege[] {acm.privilegeFromName(Privilege.JCR_ALL)}, false);
        acm.setPolicy(path, acl);
    }

    private void loadRecipientSets(Session session) throws RepositoryException {
        for (javax.jcr.NodeIterator it = session.getNode(RecipientSets.FOLDER).getNodes(); it.hasNext(); ) {
            Node set = it.nextNode();
            if (set.hasProperty(RecipientSets.MEMBERS)) {
                javax.jcr.Property property = set.getProperty(RecipientSets.MEMBERS);
                List<String> members = new ArrayList<>();
                if (property.isMultiple()) {
                    // as sets were first stored
                    for (Value value : property.getValues()) {
                        members.add(value.getString());
                    }
                } else {
                    members.addAll(List.of(property.getString().split("\n")));
                }
                recipientSets.register(set.getName(), members);
            }
        }
    }

    /**
     * Fills the platform's ids of users and groups with every user and group, in one query read by rows, so that
     * the first snapshot of a category after a start does not look its members up one by one.
     */
    private void rememberAuthorizableIds(Session session) throws RepositoryException {
        javax.jcr.query.Query query = session.getWorkspace()
                .getQueryManager()
                .createQuery(
                        "SELECT a.[jcr:uuid], a.[rep:authorizableId], a.[jcr:primaryType] FROM [rep:Authorizable] AS a",
                        javax.jcr.query.Query.JCR_SQL2);
        for (javax.jcr.query.RowIterator it = query.execute().getRows(); it.hasNext(); ) {
            javax.jcr.query.Row row = it.nextRow();
            Value uuid = row.getValue("a.jcr:uuid");
            Value id = row.getValue("a.rep:authorizableId");
            if (uuid == null || id == null) {
                continue;
            }
            boolean group = "rep:Group".equals(row.getValue("a.jcr:primaryType").getString());
            try {
                authorizableIds.put(uuid.getString(), group ? GroupId.of(id.getString()) : UserId.of(id.getString()));
            } catch (IllegalArgumentException notAnEngineId) {
                // an id the engine cannot have given (Oak's own): never a member it asks about
            }
        }
    }

    private static void registerNamespace(NamespaceRegistry namespaces, String prefix, String uri)
            throws RepositoryException {
        if (!Arrays.asList(namespaces.getPrefixes()).contains(prefix)) {
            namespaces.registerNamespace(prefix, uri);
        } else if (!namespaces.getURI(prefix).equals(uri)) {
            throw new PlatformException("namespace prefix " + prefix + " is bound to " + namespaces.getURI(prefix));
        }
    }

    /** Sets the configured admin password: on first start Oak's admin has the default one. */
    private void ensureAdminPassword() throws RepositoryException {
        char[] adminPassword = logins.adminPassword();
        try {
            logins.repository()
                    .login(new SimpleCredentials(OakPlatform.ADMIN_ID, adminPassword))
                    .logout();
            return;
        } catch (LoginException expected) {
            // first start, or the configured password changed
        }
        Session system = logins.system();
        try {
            Authorizable admin = ((JackrabbitSession) system).getUserManager().getAuthorizable(OakPlatform.ADMIN_ID);
            if (!(admin instanceof User user)) {
                throw new PlatformException("Oak has no admin user");
            }
            user.changePassword(new String(adminPassword));
            system.save();
        } finally {
            system.logout();
        }
        if (Arrays.equals(adminPassword, DEFAULT_ADMIN_PASSWORD.toCharArray())) {
            LOG.warn("the Oak admin password is the default one");
        }
    }
}
