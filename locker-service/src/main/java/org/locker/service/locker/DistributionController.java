package org.locker.service.locker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.NodeId;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The depositor's side: my distributions with their read receipts, and withdrawing a deposit. */
@RestController
@RequestMapping("/api/v1/lockers")
@Tag(name = "lockers", description = "Digital lockers: deposits, versions, distributions, read receipts, audit")
class DistributionController {

    private final Lockers lockers;

    DistributionController(Lockers lockers) {
        this.lockers = lockers;
    }

    /** @param audience {@code personnel} or {@code guardians}: the view the person is in */
    record ReceiptView(String user, boolean opened, Instant openedAt, String audience) {}

    /** A page of my distributions; {@code next} is the cursor of the following page, null after the last one. */
    record DistributionPageView(List<DistributionView> items, String next) {}

    record DistributionView(
            String id,
            String depositId,
            String name,
            String documentType,
            String memo,
            Instant depositedAt,
            List<String> selection,
            List<String> recipients,
            boolean standing,
            boolean allowModify,
            Instant publishFrom,
            Instant publishTo,
            String windowState,
            int versions,
            boolean withdrawn,
            List<ReceiptView> receipts,
            List<String> openedBy,
            List<String> notOpenedBy,
            int openedCount,
            int notOpenedCount) {
        /** The deposit, its receipts those of {@code audience} when given (the counts of the view's bar). */
        static DistributionView of(Lockers.Distribution d, Optional<Lockers.Audience> audience) {
            List<ReceiptView> receipts = d.receipts().stream()
                    .filter(r -> audience.isEmpty() || r.audience() == audience.get())
                    .map(r -> new ReceiptView(
                            r.user(),
                            r.openedAt().isPresent(),
                            r.openedAt().orElse(null),
                            r.audience().code()))
                    .toList();
            int opened = (int) receipts.stream().filter(ReceiptView::opened).count();
            return new DistributionView(
                    d.id().value(),
                    d.depositId(),
                    d.name(),
                    d.documentType(),
                    d.memo(),
                    d.depositedAt(),
                    d.selection(),
                    d.recipients(),
                    d.standing(),
                    d.allowModify(),
                    d.publishFrom().orElse(null),
                    d.publishTo().orElse(null),
                    d.windowState(),
                    d.versions(),
                    d.withdrawn(),
                    receipts,
                    receipts.stream()
                            .filter(ReceiptView::opened)
                            .map(ReceiptView::user)
                            .toList(),
                    receipts.stream()
                            .filter(r -> !r.opened())
                            .map(ReceiptView::user)
                            .toList(),
                    opened,
                    receipts.size() - opened);
        }
    }

    @GetMapping("/distributions")
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(
            summary = "My distributions, newest first, a page at a time (50 by default, cursor from the previous"
                    + " page's next), with recipients, window, versions and read receipts; audience=personnel or"
                    + " guardians gives the deposits and receipts of that view")
    DistributionPageView distributions(
            @AuthenticationPrincipal LockerUser user,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String audience) {
        Optional<Lockers.Audience> view = audienceOf(audience);
        Lockers.DistributionPage page = lockers.distributions(
                user.userId(), Optional.ofNullable(cursor).filter(c -> !c.isBlank()), limit, view);
        return new DistributionPageView(
                page.items().stream().map(d -> DistributionView.of(d, view)).toList(),
                page.next().orElse(null));
    }

    /** The audience a request names, if any. @throws LockerRefusal UNKNOWN_AUDIENCE */
    static Optional<Lockers.Audience> audienceOf(String audience) {
        return Optional.ofNullable(audience).filter(a -> !a.isBlank()).map(Lockers.Audience::fromCode);
    }

    @DeleteMapping("/documents/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(summary = "Withdraw my deposit: it leaves every locker; the audit trail keeps the record")
    void withdraw(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        lockers.withdraw(user.userId(), NodeId.of(id));
    }
}
