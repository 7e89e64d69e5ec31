package org.locker.core.locker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.CloudSource;
import org.locker.core.locker.Lockers.ContentJudge;
import org.locker.core.locker.Lockers.DepositFile;
import org.locker.core.locker.Lockers.Deposited;
import org.locker.core.locker.Lockers.PreparedDeposit;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * "From my cloud": copies one or several platform documents the depositor can read (read through their own session,
 * so the platform decides) into new deposits. A copy, not a link (decision 0015): the deposit's permissions, versions
 * and withdrawal must not depend on, nor change, the depositor's own document. All or nothing: every document is read
 * (once, into a temporary file) and judged before any is stored, and a refusal names the document it concerns.
 */
final class DepositFromCloud {

    private final ContentPlatform platform;
    private final Clock clock;
    private final DepositDocument deposits;

    DepositFromCloud(ContentPlatform platform, Clock clock, DepositDocument deposits) {
        this.platform = platform;
        this.clock = clock;
        this.deposits = deposits;
    }

    List<Deposited> copy(PreparedDeposit prepared, List<CloudSource> sources, ContentJudge judge) {
        if (sources.isEmpty()) {
            throw new LockerRefusal(Reason.NO_FILE);
        }
        UserId depositor = prepared.depositor();
        boolean guardian = Principals.isGuardian(platform, depositor);
        List<Path> copies = new ArrayList<>();
        List<InputStream> streams = new ArrayList<>();
        try {
            List<String> names = new ArrayList<>();
            try (PlatformSession session = platform.sessionAs(depositor)) {
                for (int i = 0; i < sources.size(); i++) {
                    CloudSource source = sources.get(i);
                    int index = i;
                    // a guardian reads a deposit through its guardians' edition (decision 0014)
                    NodeId readable =
                            guardian ? GuardianEditions.readable(platform, session, source.node()) : source.node();
                    Node node = session.findNode(readable)
                            .filter(n -> n.content().isPresent())
                            // a guardian's cloud is what they received, and only while it is published to them
                            .filter(n -> !guardian
                                    || !DepositStore.isDeposit(n)
                                    || DepositStore.read(n).visibleToGuardiansAt(clock.instant()))
                            .orElseThrow(() -> new SourceRefusal(
                                    new LockerRefusal(
                                            Reason.UNKNOWN_DOCUMENT,
                                            source.node().value()),
                                    index,
                                    null));
                    names.add(node.name());
                    Path copy = Files.createTempFile("locker-copy-", ".bin");
                    copies.add(copy);
                    try (InputStream content = session.readContent(readable).stream()) {
                        Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            List<DepositFile> judged = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                CloudSource source = sources.get(i);
                Path local = copies.get(i);
                DepositFile file;
                try {
                    file = judge.judge(source.rename().orElse(names.get(i)), () -> Files.newInputStream(local));
                } catch (LockerRefusal refusal) {
                    throw new SourceRefusal(refusal, i, names.get(i));
                }
                judged.add(source.documentType().map(file::ofType).orElse(file));
            }
            List<DepositFile> files = new ArrayList<>();
            for (int i = 0; i < judged.size(); i++) {
                InputStream content = Files.newInputStream(copies.get(i));
                streams.add(content);
                DepositFile file = judged.get(i);
                files.add(new DepositFile(
                        file.name(), new ContentSource(content, file.content().mimeType()), file.documentType()));
            }
            return deposits.deposit(prepared, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the document", e);
        } finally {
            for (InputStream stream : streams) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // a temporary file, deleted below
                }
            }
            copies.forEach(copy -> copy.toFile().delete());
        }
    }
}
