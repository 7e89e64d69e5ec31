package org.locker.service.me;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.locker.core.directory.SchoolDirectory;
import org.locker.service.problem.LockerProblemException;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is. */
@RestController
@Tag(name = "me", description = "The signed-in user")
class MeController {

    private final SchoolDirectory directory;

    MeController(SchoolDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/me")
    @PreAuthorize(Roles.ANY_PROFILE)
    @Operation(
            summary = "The caller's identity, profile and place in the establishment, whether they are personnel "
                    + "and which profiles are")
    MeView me(@AuthenticationPrincipal LockerUser user) {
        return directory
                .person(user.userId())
                .map(MeView::of)
                .orElseThrow(() -> new LockerProblemException(HttpStatus.NOT_FOUND, "UNKNOWN_PERSON", user.id()));
    }
}
