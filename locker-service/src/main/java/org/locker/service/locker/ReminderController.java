package org.locker.service.locker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locker.core.directory.Person;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Remind those who have not opened it" (the depositor), and the reminders a recipient has (their locker). */
@RestController
@RequestMapping("/api/v1/lockers")
@Tag(name = "lockers", description = "Digital lockers: deposits, versions, distributions, read receipts, audit")
class ReminderController {

    private final Lockers lockers;
    private final SchoolDirectory directory;

    ReminderController(Lockers lockers, SchoolDirectory directory) {
        this.lockers = lockers;
        this.directory = directory;
    }

    record RemindedView(int reminded, Instant at) {}

    /** @param remindedByName the depositor's name, so that the locker says who reminded */
    record ReminderView(String depositId, String remindedBy, String remindedByName, Instant at) {}

    @PostMapping("/distributions/{id}/reminders")
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(
            summary = "Remind those who have not opened my deposit (audience=personnel|guardians for one view):"
                    + " once a day per deposit; only its depositor")
    RemindedView remind(
            @AuthenticationPrincipal LockerUser user,
            @PathVariable String id,
            @RequestParam(required = false) String audience) {
        Lockers.Reminded reminded =
                lockers.remind(user.userId(), NodeId.of(id), DistributionController.audienceOf(audience));
        return new RemindedView(reminded.reminded(), reminded.at());
    }

    @GetMapping("/reminders")
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(summary = "My reminders: the documents of my locker I was reminded of and have not opened yet")
    List<ReminderView> reminders(@AuthenticationPrincipal LockerUser user) {
        Map<String, String> names = new HashMap<>();
        return lockers.reminders(user.userId()).stream()
                .map(r -> new ReminderView(
                        r.depositId(), r.remindedBy(), names.computeIfAbsent(r.remindedBy(), this::nameOf), r.at()))
                .toList();
    }

    private String nameOf(String user) {
        return UserId.isValid(user)
                ? directory.person(UserId.of(user)).map(Person::displayName).orElse(user)
                : user;
    }
}
