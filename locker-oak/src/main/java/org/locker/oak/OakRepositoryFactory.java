package org.locker.oak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.jcr.Repository;
import org.apache.jackrabbit.oak.Oak;
import org.apache.jackrabbit.oak.jcr.Jcr;
import org.apache.jackrabbit.oak.security.internal.SecurityProviderBuilder;
import org.apache.jackrabbit.oak.segment.file.FileStore;
import org.apache.jackrabbit.oak.segment.file.FileStoreBuilder;
import org.apache.jackrabbit.oak.segment.file.InvalidFileStoreVersionException;
import org.apache.jackrabbit.oak.spi.security.ConfigurationBase;
import org.apache.jackrabbit.oak.spi.security.ConfigurationParameters;
import org.apache.jackrabbit.oak.spi.security.SecurityProvider;
import org.apache.jackrabbit.oak.spi.security.authorization.AuthorizationConfiguration;
import org.apache.jackrabbit.oak.spi.security.principal.CompositePrincipalConfiguration;
import org.apache.jackrabbit.oak.spi.security.principal.PrincipalConfiguration;
import org.apache.jackrabbit.oak.spi.state.NodeStore;
import org.apache.jackrabbit.oak.spi.xml.ImportBehavior;
import org.apache.jackrabbit.oak.spi.xml.ProtectedItemImporter;
import org.locker.core.platform.PlatformException;

/** How the platform's Oak repository is made: the segment store on disk, and Oak's security tuned for the binding. */
final class OakRepositoryFactory {

    private static final long EAGER_PERMISSION_ENTRIES = 20_000;

    private OakRepositoryFactory() {}

    /** Opens (creating it if missing) the segment store in {@code dataDirectory}, its segment cache so large. */
    static FileStore openFileStore(Path dataDirectory, int cacheMegabytes) {
        Path store = dataDirectory.resolve("segmentstore");
        try {
            Files.createDirectories(store);
            int small = Math.max(1, cacheMegabytes / 4);
            return FileStoreBuilder.fileStoreBuilder(store.toFile())
                    .withSegmentCacheSize(cacheMegabytes)
                    .withStringCacheSize(small)
                    .withTemplateCacheSize(small)
                    .withStringDeduplicationCacheSize(1_000)
                    .withTemplateDeduplicationCacheSize(1_000)
                    .withNodeDeduplicationCacheSize(4_096)
                    .build();
        } catch (IOException | InvalidFileStoreVersionException e) {
            throw new PlatformException("cannot open the Oak segment store in " + store, e);
        }
    }

    /** The JCR repository on {@code nodeStore}, whose principals include the recipient sets. */
    static Repository repository(NodeStore nodeStore, RecipientSets recipientSets) {
        return new Jcr(new Oak(nodeStore)).with(securityProvider(recipientSets)).createRepository();
    }

    /**
     * Oak's default security, with the permission entries of a principal loaded whole into a session's cache up
     * to {@value #EAGER_PERMISSION_ENTRIES} entries (Oak's default is 250): a teacher granted 1,000 deposits
     * would otherwise have every node of a listing looked up in the permission store one path at a time.
     */
    private static SecurityProvider securityProvider(RecipientSets recipientSets) {
        // the binding checks every principal it grants to (an unknown user or group is refused before), so Oak's
        // own check of each new entry's principal, a query per entry, is not repeated
        SecurityProvider security = SecurityProviderBuilder.newBuilder()
                .with(ConfigurationParameters.of(
                        AuthorizationConfiguration.NAME,
                        ConfigurationParameters.of(Map.of(
                                "eagerCacheSize",
                                EAGER_PERMISSION_ENTRIES,
                                ProtectedItemImporter.PARAM_IMPORT_BEHAVIOR,
                                ImportBehavior.NAME_BESTEFFORT))))
                .build();
        // Oak's own principals (users, groups, everyone), plus the recipient sets
        if (!(security.getConfiguration(PrincipalConfiguration.class)
                instanceof CompositePrincipalConfiguration composite)) {
            throw new PlatformException("unexpected Oak principal configuration");
        }
        PrincipalConfiguration oakPrincipals = composite.getDefaultConfig();
        PrincipalConfiguration sets = recipientSets.configuration();
        ((ConfigurationBase) sets).setSecurityProvider(security);
        composite.addConfiguration(oakPrincipals);
        composite.addConfiguration(sets);
        return security;
    }
}
