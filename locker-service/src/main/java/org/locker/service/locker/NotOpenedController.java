package org.locker.service.locker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.locker.core.locker.Lockers;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "new" count of my locker, on its own: the web app shows it on the menu of every screen, where listing (or
 * paging) the whole locker would be too much.
 */
@RestController
@RequestMapping("/api/v1/lockers")
@Tag(name = "lockers", description = "Digital lockers: deposits, versions, distributions, read receipts, audit")
class NotOpenedController {

    private final Lockers lockers;

    NotOpenedController(Lockers lockers) {
        this.lockers = lockers;
    }

    /** @param notOpened how many documents of my locker I have not opened yet */
    record NotOpenedView(int notOpened) {}

    @GetMapping("/mine/not-opened")
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(summary = "How many documents of my locker I have not opened yet (the listing's unread ones)")
    NotOpenedView notOpened(@AuthenticationPrincipal LockerUser user) {
        return new NotOpenedView(lockers.notOpened(user.userId()));
    }
}
