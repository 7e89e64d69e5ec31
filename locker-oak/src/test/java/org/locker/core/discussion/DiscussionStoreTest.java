package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.core.discussion.School.EMMA;
import static org.locker.core.discussion.School.GIRARD;
import static org.locker.core.discussion.School.LEO;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.Profile;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;

/** The storage mapping: its encodings, and the names and values it writes, which stored data depends on. */
class DiscussionStoreTest {

    static School school;

    @BeforeAll
    static void open() {
        school = new School();
    }

    @AfterAll
    static void close() {
        school.close();
    }

    @Test
    void membersShouldRoundTripWithWhoBroughtThem() {
        MemberEntry starter = new MemberEntry(GIRARD, null);
        MemberEntry brought = new MemberEntry(EMMA, GIRARD);

        assertThat(starter.format()).isEqualTo("t.girard|");
        assertThat(brought.format()).isEqualTo("e.emma.martin|t.girard");
        assertThat(MemberEntry.parse(starter.format())).contains(starter);
        assertThat(MemberEntry.parse(brought.format())).contains(brought);
        assertThat(MemberEntry.parse("e.emma.martin"))
                .as("a bare id: brought by nobody")
                .contains(new MemberEntry(EMMA, null));
        assertThat(MemberEntry.parse("Not An Id|t.girard")).as("skipped").isEmpty();
    }

    @Test
    void readMarkersShouldRoundTripAndReplaceTheUsersOwn() {
        ReadMarker marker = new ReadMarker(EMMA, 12);

        assertThat(marker.format()).isEqualTo("e.emma.martin=12");
        assertThat(ReadMarker.parse(marker.format())).isEqualTo(marker);
        assertThatThrownBy(() -> ReadMarker.parse("=3")).isInstanceOf(IllegalArgumentException.class);
        List<String> stored = List.of("t.girard=3", "e.emma.martin=1", "e.emma.martinez=7");
        assertThat(ReadMarker.readBy(stored, EMMA)).isEqualTo(1);
        assertThat(ReadMarker.readBy(stored, LEO)).isZero();
        assertThat(marker.replacing(stored)).containsExactly("t.girard=3", "e.emma.martinez=7", "e.emma.martin=12");
    }

    @Test
    void aDiscussionShouldBeStoredUnderTheNamesAndValuesOfTheModel() {
        NodeId id = school.discussions
                .start(GIRARD, "Sujet", List.of(EMMA, LEO), "Bonjour")
                .id();
        school.discussions.post(EMMA, id, "Merci");

        Node discussion = school.node(id);
        assertThat(discussion.type()).isEqualTo(DiscussionModel.DISCUSSION);
        assertThat(discussion.string(DiscussionModel.SUBJECT)).contains("Sujet");
        assertThat(discussion.string(DiscussionModel.STARTED_BY)).contains("t.girard");
        assertThat(discussion.strings(DiscussionModel.MEMBERS))
                .containsExactly("t.girard|", "e.emma.martin|t.girard", "e.leo.thomas|t.girard");
        assertThat(discussion.strings(DiscussionModel.PARTICIPANTS))
                .containsExactly("t.girard", "e.emma.martin", "e.leo.thomas");
        assertThat(discussion.number(DiscussionModel.MESSAGE_COUNT)).contains(2L);
        assertThat(discussion.strings(DiscussionModel.READ_MARKERS)).containsExactly("t.girard=1", "e.emma.martin=2");
        assertThat(discussion.instant(DiscussionModel.LAST_ACTIVITY)).contains(School.TUESDAY_TEN);
        try (PlatformSession system = school.platform.systemSession()) {
            assertThat(system.children(id)).extracting(Node::name).containsExactly("m0000000001", "m0000000002");
            Node second = system.children(id).get(1);
            assertThat(second.type()).isEqualTo(DiscussionModel.MESSAGE);
            assertThat(second.string(DiscussionModel.AUTHOR)).contains("e.emma.martin");
            assertThat(second.string(DiscussionModel.TEXT)).contains("Merci");
            assertThat(second.number(DiscussionModel.SEQUENCE)).contains(2L);
            assertThat(discussion.parentId().map(system::node).map(Node::name)).contains("2026");
        }
    }

    @Test
    void settingsAndPreferencesShouldRoundTrip() {
        DiscussionSettings settings = DiscussionSettings.defaults()
                .withGuardianMessaging(true)
                .withWindow(LocalTime.of(8, 0), LocalTime.of(18, 30))
                .withZone(ZoneId.of("Europe/Brussels"))
                .withDisabledProfiles(Set.of(Profile.STUDENT))
                .withInitiationBlocked(Set.of(LEO));
        school.discussions.updateSettings(settings);
        assertThat(school.discussions.settings()).isEqualTo(settings);
        try (PlatformSession system = school.platform.systemSession()) {
            Node stored = system.nodeAt(DiscussionModel.SETTINGS_PATH).orElseThrow();
            assertThat(stored.strings(DiscussionModel.DISABLED_PROFILES)).containsExactly("student");
            assertThat(stored.string(DiscussionModel.WINDOW_END)).contains("18:30");
        }
        school.discussions.updateSettings(DiscussionSettings.defaults().withZone(School.PARIS));

        school.discussions.updatePreferences(GIRARD, EnumSet.of(ContactCategory.STAFF, ContactCategory.TEACHERS), true);
        assertThat(school.discussions.preferences(GIRARD))
                .isEqualTo(
                        new Discussions.Preferences(EnumSet.of(ContactCategory.STAFF, ContactCategory.TEACHERS), null));
        try (PlatformSession system = school.platform.systemSession()) {
            assertThat(system.findUser(GIRARD).orElseThrow().properties().get(DiscussionModel.CONTACT_PREFERENCES))
                    .isEqualTo(List.of("STAFF", "TEACHERS"));
            assertThat(system.findUser(GIRARD).orElseThrow().properties())
                    .as("guardian messaging is a guardian's")
                    .doesNotContainKey(DiscussionModel.GUARDIAN_MESSAGING);
        }
        assertThat(school.store.acceptedContacts(java.util.Map.of()))
                .as("never set: everyone")
                .isEqualTo(EnumSet.allOf(ContactCategory.class));
        assertThat(school.store.guardianMessaging(java.util.Map.of()))
                .as("never set: off")
                .isFalse();
        school.discussions.updatePreferences(GIRARD, EnumSet.allOf(ContactCategory.class), null);
    }
}
