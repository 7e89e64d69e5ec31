package org.locker.service.locker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.NodeId;
import org.locker.service.locker.MyLockerController.VersionView;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The depositor gives a version of their deposit to its guardians (decision 0014): a co-recipient's version
 * reaches the guardians only this way; the depositor's own versions reach them at once.
 */
@RestController
@RequestMapping("/api/v1/lockers")
@Tag(name = "lockers", description = "Digital lockers: deposits, versions, distributions, read receipts, audit")
class VersionPublishingController {

    private final Lockers lockers;

    VersionPublishingController(Lockers lockers) {
        this.lockers = lockers;
    }

    @PostMapping("/documents/{id}/versions/{label}/publish")
    @PreAuthorize(Roles.ESTABLISHMENT)
    @Operation(
            summary = "Publish a version to the deposit's guardians (its depositor only: 403 NOT_THE_DEPOSITOR), "
                    + "without its comment; 400 NOT_FOR_GUARDIANS for a deposit to no guardian, 400 UNKNOWN_VERSION; "
                    + "answers the versions as the depositor sees them")
    List<VersionView> publish(
            @AuthenticationPrincipal LockerUser user, @PathVariable String id, @PathVariable String label) {
        NodeId document = NodeId.of(id);
        lockers.publishVersion(user.userId(), document, label);
        return MyLockerController.versionViews(lockers, user, document);
    }
}
