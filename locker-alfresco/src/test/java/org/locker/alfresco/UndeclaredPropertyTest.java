package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.Node;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UndeclaredPropertyException;

/**
 * Alfresco's refusal of a property no installed model declares (400 "Unknown property", or "Namespace prefix lk is
 * not mapped" without the model) is the port's {@link UndeclaredPropertyException}, as the Oak binding's refusal.
 */
class UndeclaredPropertyTest {

    private FakeAlfresco alfresco;
    private AlfrescoPlatform platform;

    @BeforeEach
    void start() {
        alfresco = new FakeAlfresco();
        platform = AlfrescoPlatform.builder(alfresco.settings("Locker")).build();
    }

    @AfterEach
    void stop() {
        platform.close();
        alfresco.close();
    }

    @Test
    void shouldReportAnUnknownPropertyAsUndeclared() {
        try (PlatformSession s = platform.systemSession()) {
            Node parent = s.ensureFolder("/model");
            s.save();
            assertThatThrownBy(
                            () -> s.createFolder(parent.id(), "refused", "lk:folder", Map.of("lk:notInTheModel", "x")))
                    .isInstanceOf(UndeclaredPropertyException.class)
                    .hasMessageContaining("Unknown property");
            // (Alfresco creates nothing: NodesImpl maps the properties before creating the node. The fake creates
            // the node first, so what it leaves behind is not checked here.)
        }
    }

    @Test
    void shouldReportAnUnmappedPrefixAsUndeclared() {
        AlfrescoRestClient rest = new AlfrescoRestClient(alfresco.settings("Locker"));
        // what Alfresco answered without the lk model (recordings: core_POST_people.json)
        assertThat(rest.errorFor(400, """
                {"error":{"errorKey":"lk:classes isn't a valid QName. Namespace prefix lk is not mapped to a namespace URI",
                "statusCode":400,"briefSummary":"10290068 lk:classes isn't a valid QName. Namespace prefix lk is not mapped to a namespace URI"}}
                """, "POST /people")).isInstanceOf(UndeclaredPropertyException.class);
    }
}
