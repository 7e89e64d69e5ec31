package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.UserId;

/** The boundary mappings: dates, values, principals, types, settings. */
class ValuesTest {

    @Test
    void shouldWriteAndReadRestDatesWithMillisecondsInUtc() {
        Instant instant = Instant.parse("2024-01-02T03:04:05.006Z");
        assertThat(Rest.format(instant)).isEqualTo("2024-01-02T03:04:05.006+0000");
        assertThat(Rest.parse("2024-01-02T03:04:05.006+0000")).contains(instant);
        assertThat(Rest.parse("2024-01-02T05:04:05.006+0200")).contains(instant);
    }

    @Test
    void shouldAlsoReadEventDatesAndLeaveOtherTextAlone() {
        assertThat(Rest.parse("2023-09-22T16:01:06.95Z")).contains(Instant.parse("2023-09-22T16:01:06.950Z"));
        assertThat(Rest.parse("hello")).isEmpty();
        assertThat(Rest.parse("2024-13-45T99:99:99.000+0000")).isEmpty();
        assertThat(Rest.parse(null)).isEmpty();
    }

    @Test
    void shouldMapRestValuesToEngineValues() {
        assertThat(Values.fromRest(5)).isEqualTo(5L);
        assertThat(Values.fromRest(true)).isEqualTo(true);
        assertThat(Values.fromRest(List.of("a", 1))).isEqualTo(List.of("a", "1"));
        assertThat(Values.fromRest("2024-01-02T03:04:05.006+0000"))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05.006Z"));
        assertThat(Values.engineProperties(Map.of("lk:memo", "m", "cm:title", "t", "lk:engineType", "lk:deposit")))
                .containsExactly(Map.entry("lk:memo", "m"));
    }

    @Test
    void shouldSendUpdatesAsTextExceptLists() {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("lk:standing", true);
        properties.put("lk:rank", 3L);
        properties.put("lk:due", Instant.parse("2024-01-02T00:00:00Z"));
        properties.put("lk:tags", List.of("a"));
        properties.put("lk:gone", null);
        assertThat(Values.toUpdateProperties(properties))
                .containsExactly(
                        Map.entry("lk:standing", "true"),
                        Map.entry("lk:rank", "3"),
                        Map.entry("lk:due", "2024-01-02T00:00:00.000+0000"),
                        Map.entry("lk:tags", List.of("a")),
                        new java.util.AbstractMap.SimpleEntry<>("lk:gone", null));
    }

    @Test
    void shouldNameGroupsWithTheGroupPrefixAndSkipWhatTheEngineCannotName() {
        assertThat(Values.authorityId(GroupId.of("class-6a"))).isEqualTo("GROUP_class-6a");
        assertThat(Values.authorityId(UserId.of("alice"))).isEqualTo("alice");
        assertThat(Values.principal("GROUP_class-6a")).contains(GroupId.of("class-6a"));
        assertThat(Values.principal("alice")).contains(UserId.of("alice"));
        assertThat(Values.principal("ROLE_OWNER")).isEmpty();
        assertThat(Values.principal("GROUP_")).isEmpty();
        assertThat(Values.principal(null)).isEmpty();
    }

    @Test
    void shouldUseTheModelsTypesWhereTheLockerModelDeclaresThem() {
        assertThat(Values.folderType("lk:locker")).isEqualTo("lk:locker");
        assertThat(Values.folderType("lk:folder")).isEqualTo("cm:folder");
        assertThat(Values.folderType("lk:message")).isEqualTo("cm:folder");
        assertThat(Values.documentType("lk:message")).isEqualTo("lk:message");
        assertThat(Values.documentType("lk:deposit")).isEqualTo("cm:content");
    }

    @Test
    void shouldNormaliseTheRootPathBelowCompanyHome() {
        assertThat(AlfrescoSettings.normalizeRoot("/Company Home/Data Dictionary/Locker/"))
                .isEqualTo("Data Dictionary/Locker");
        assertThat(AlfrescoSettings.normalizeRoot("Sites/locker/documentLibrary"))
                .isEqualTo("Sites/locker/documentLibrary");
        assertThat(AlfrescoSettings.normalizeRoot("/Company Home")).isEmpty();
    }

    @Test
    void shouldBackOffExponentiallyUpToTheCap() {
        AlfrescoSettings.RetryPolicy policy =
                new AlfrescoSettings.RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(350));
        assertThat(List.of(policy.backoff(1), policy.backoff(2), policy.backoff(3), policy.backoff(4)))
                .containsExactly(
                        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(350), Duration.ofMillis(350));
    }

    @Test
    void shouldKeepPasswordsAndTicketsOutOfToString() {
        AlfrescoSettings settings = AlfrescoSettings.of(
                        java.net.URI.create("http://a"), "admin", "s3cret".toCharArray(), "Locker")
                .withBroker(null);
        assertThat(settings.toString()).doesNotContain("s3cret");
        assertThat(settings.brokerUrl()).isEqualTo(Optional.empty());
        assertThat(new Credentials.Basic("admin", "s3cret".toCharArray()).toString())
                .doesNotContain("s3cret");
        assertThat(new Credentials.Ticket("TICKET_x").toString()).doesNotContain("TICKET_x");
    }
}
