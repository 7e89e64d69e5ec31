package org.locker.alfresco;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alfresco's published REST API definitions (Swagger 2.0), when {@code ALFRESCO_OPENAPI_SPEC} names
 * {@code alfresco-core.yaml}: every request the binding sent to the stub, and every stub response, is
 * validated against the definition of its API (core; and authentication and search, from
 * {@code alfresco-auth.yaml} and {@code alfresco-search.yaml} next to it when they are there).
 */
final class AlfrescoContract {

    static final String ENV = "ALFRESCO_OPENAPI_SPEC";

    private static AlfrescoContract instance;

    private final Map<String, OpenApiInteractionValidator> byBasePath = new LinkedHashMap<>();

    private AlfrescoContract(Path core) {
        byBasePath.put(AlfrescoRestClient.CORE, load(core, AlfrescoRestClient.CORE));
        Path auth = core.resolveSibling("alfresco-auth.yaml");
        if (Files.exists(auth)) {
            byBasePath.put(AlfrescoRestClient.AUTH, load(auth, AlfrescoRestClient.AUTH));
        }
        Path search = core.resolveSibling("alfresco-search.yaml");
        if (Files.exists(search)) {
            byBasePath.put(AlfrescoRestClient.SEARCH, load(search, AlfrescoRestClient.SEARCH));
        }
    }

    private static OpenApiInteractionValidator load(Path spec, String basePath) {
        return OpenApiInteractionValidator.createForSpecificationUrl(
                        spec.toUri().toString())
                .withBasePathOverride(basePath)
                .withResolveCombinators(true)
                .build();
    }

    /** The definitions, when the environment names them; loaded once per JVM. */
    static synchronized Optional<AlfrescoContract> fromEnvironment() {
        String spec = System.getenv(ENV);
        if (spec == null || spec.isBlank()) {
            return Optional.empty();
        }
        if (instance == null) {
            Path path = Path.of(spec);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(ENV + " names no file: " + spec);
            }
            instance = new AlfrescoContract(path);
        }
        return Optional.of(instance);
    }

    /** Every violation, one line each; a request to an API whose definition is not loaded is a violation too. */
    List<String> violations(List<ServeEvent> events) {
        List<String> problems = new ArrayList<>();
        for (ServeEvent event : events) {
            LoggedRequest request = event.getRequest();
            String path = request.getUrl().split("\\?", 2)[0];
            if (path.startsWith(AlfrescoRestClient.SERVICE + "/")) {
                // the repository web scripts have no published definition: FakeAlfresco answers them in the shapes
                // of Alfresco's own templates (groups/children.get.json.ftl, person.delete.json.ftl)
                continue;
            }
            OpenApiInteractionValidator validator = null;
            for (Map.Entry<String, OpenApiInteractionValidator> api : byBasePath.entrySet()) {
                if (path.startsWith(api.getKey() + "/")) {
                    validator = api.getValue();
                }
            }
            String what = request.getMethod() + " " + request.getUrl();
            if (validator == null) {
                problems.add(what + ": no API definition loaded for this path");
                continue;
            }
            ValidationReport report = validator.validate(toRequest(request, path), toResponse(event.getResponse()));
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR && !tolerated(message, event)) {
                    problems.add(what + " -> " + event.getResponse().getStatus() + ": " + message.getKey() + " "
                            + message.getMessage());
                }
            }
        }
        return problems;
    }

    /**
     * The few differences between the definitions and Alfresco's documented behaviour that the binding relies
     * on, each named here with its reason; anything else is a violation.
     */
    private static boolean tolerated(ValidationReport.Message message, ServeEvent event) {
        String key = message.getKey();
        String text = message.getMessage();
        // 1. The validator treats objects as closed (additionalProperties false), stricter than the definitions:
        //    a node's or a person's "properties" is a free-form object there (type: object), holding the
        //    model's prefixed properties (lk:..., cm:...). Every other object stays closed.
        if (key.endsWith("schema.additionalProperties")
                && (text.contains("[Path '/properties']")
                        || text.contains("[Path '/entry/properties']")
                        || text.matches("(?s).*\\[Path '/list/entries/\\d+/entry/properties'\\].*"))) {
            return true;
        }
        // 2. Error answers: the operations list 4xx codes without a schema, but Alfresco answers every error
        //    with the definitions' own Error body ({"error":{...}}), which the binding turns into exceptions.
        if (key.equals("validation.response.body.unexpected")
                && event.getResponse().getStatus() >= 400) {
            return true;
        }
        // 3. Multi-valued properties: NodeBodyUpdate.properties types values as strings; Alfresco takes a JSON
        //    array for a multi-valued (d:text multiple) property, which a string cannot express.
        if (key.equals("validation.request.body.schema.type")
                && text.matches("(?s)\\[Path '/properties/[^']+'\\] " + "Instance type \\(array\\).*")) {
            return true;
        }
        // 4. Content downloads: the definitions declare application/octet-stream only for GET .../content, but
        //    Alfresco answers with the content's own mime type (text/plain, application/pdf, ...), which the
        //    binding reads (the node's content.mimeType being the reference).
        if (key.equals("validation.response.contentType.notAllowed")
                && event.getResponse().getStatus() == 200
                && event.getRequest().getMethod().getName().equals("GET")
                && event.getRequest().getUrl().split("\\?", 2)[0].endsWith("/content")) {
            return true;
        }
        // 5. Search results: Alfresco 25.3 adds "location" ("nodes") to each entry, which the search definition does
        //    not declare (recorded: recordings/search_POST_search_person.json).
        if (key.endsWith("schema.additionalProperties")
                && text.contains("[\"location\"]")
                && text.matches("(?s).*\\[Path '/list/entries/\\d+/entry'\\].*")) {
            return true;
        }
        String url = event.getRequest().getUrl();
        // 6. fields=...: Alfresco returns the listed fields only, required ones included (recorded:
        //    core_GET_people_me_q_fields_id.json answers {"entry":{"id":...}}).
        if (key.equals("validation.response.body.schema.required") && url.matches(".*[?&]fields=.*")) {
            return true;
        }
        // 7. A person's groups: GROUP_EVERYONE is listed without a displayName
        //    (recorded: core_GET_people_personId_groups_q_maxItems_skipCount.json).
        if (key.equals("validation.response.body.schema.required")
                && text.contains("[\"displayName\"]")
                && url.matches(".*/people/[^/]+/groups.*")) {
            return true;
        }
        // 8. A site's group member: its "group" has isRoot and no memberType
        //    (recorded: core_POST_sites_siteId_group_members.json).
        if (url.matches(".*/sites/[^/]+/group-members.*")
                && text.contains("/group']")
                && (text.contains("[\"memberType\"]") || text.contains("[\"isRoot\"]"))) {
            return true;
        }
        // 9. Search results of type cm:person: the person node has no cm:auditable fields
        //    (recorded: search_POST_search_person.json).
        if (key.equals("validation.response.body.schema.required")
                && url.endsWith("/search")
                && text.contains("[\"createdAt\",\"createdByUser\",\"modifiedAt\",\"modifiedByUser\"]")) {
            return true;
        }
        return false;
    }

    private static Request toRequest(LoggedRequest logged, String path) {
        SimpleRequest.Builder builder =
                new SimpleRequest.Builder(logged.getMethod().getName(), path);
        for (HttpHeader header : logged.getHeaders().all()) {
            builder.withHeader(header.key(), header.values());
        }
        logged.getQueryParams().forEach((name, values) -> builder.withQueryParam(name, values.values()));
        if (logged.getBody() != null && logged.getBody().length > 0) {
            builder.withBody(logged.getBody());
        }
        return builder.build();
    }

    private static com.atlassian.oai.validator.model.Response toResponse(LoggedResponse logged) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(logged.getStatus());
        if (logged.getHeaders() != null) {
            for (HttpHeader header : logged.getHeaders().all()) {
                builder.withHeader(header.key(), header.values());
            }
        }
        if (logged.getBody() != null && logged.getBody().length > 0) {
            builder.withBody(logged.getBody());
        }
        return builder.build();
    }
}
