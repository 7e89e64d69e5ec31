package org.locker.service.locker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
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

    record ReceiptView(String user, boolean opened, Instant openedAt) {}

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
            List<String> notOpenedBy) {
        static DistributionView of(Lockers.Distribution d) {
            List<ReceiptView> receipts = d.receipts().stream()
                    .map(r -> new ReceiptView(
                            r.user(), r.openedAt().isPresent(), r.openedAt().orElse(null)))
                    .toList();
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
                            .toList());
        }
    }

    @GetMapping("/distributions")
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(summary = "My distributions: my deposits with recipients, window, versions and read receipts")
    List<DistributionView> distributions(@AuthenticationPrincipal LockerUser user) {
        return lockers.distributions(user.userId()).stream()
                .map(DistributionView::of)
                .toList();
    }

    @DeleteMapping("/documents/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(summary = "Withdraw my deposit: it leaves every locker; the audit trail keeps the record")
    void withdraw(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        lockers.withdraw(user.userId(), NodeId.of(id));
    }
}
