package org.locker.alfresco;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.AlreadyExistsException;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.SignInRequiredException;
import org.locker.core.platform.UndeclaredPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thin client for Alfresco's public REST APIs (core, authentication, search), on Spring's {@link RestClient}
 * and Jackson. It owns what every call shares:
 * <ul>
 * <li>retries with exponential backoff on connection errors and 5xx answers ({@link AlfrescoSettings.RetryPolicy});
 * streamed uploads are not retried, their stream being consumed;</li>
 * <li>Alfresco's error body turned into the port's exceptions: 404 {@link NotFoundException}, 401 and 403
 * {@link AccessDeniedException} (401 as its subclass {@link Unauthorized}, a {@link SignInRequiredException}),
 * 409 {@link AlreadyExistsException}, 400 "Unknown property" {@link UndeclaredPropertyException}, anything else
 * {@link PlatformException} carrying the status, {@code errorKey}, {@code briefSummary} and {@code logId};</li>
 * <li>lists followed page by page to their end ({@link #list}).</li>
 * </ul>
 * It counts the requests it sends ({@link #requestCount()}), which the cost tests read.
 */
final class AlfrescoRestClient {

    static final String CORE = "/alfresco/api/-default-/public/alfresco/versions/1";
    static final String AUTH = "/alfresco/api/-default-/public/authentication/versions/1";
    static final String SEARCH = "/alfresco/api/-default-/public/search/versions/1";
    /** The repository's web scripts, for the few reads and writes REST API v1 does not offer from the database. */
    static final String SERVICE = "/alfresco/s";

    /** Page size used when following lists; the API's own maximum is not published, 100 is its default. */
    static final int PAGE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(AlfrescoRestClient.class);

    private final AlfrescoSettings settings;
    private final RestClient http;
    private final ObjectMapper json;
    private final AtomicLong requests = new AtomicLong();

    AlfrescoRestClient(AlfrescoSettings settings) {
        this.settings = settings;
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(settings.readTimeout());
        this.http = RestClient.builder().requestFactory(factory).build();
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    ObjectMapper json() {
        return json;
    }

    long requestCount() {
        return requests.get();
    }

    // ------------------------------------------------------------------ URIs

    /**
     * A URI below {@code apiBase} ({@link #CORE}, {@link #AUTH}, {@link #SEARCH}, {@link #SERVICE}); null query values
     * are left out.
     */
    URI uri(String apiBase, String path, Map<String, ?> query) {
        UriComponentsBuilder builder =
                UriComponentsBuilder.fromUri(settings.baseUrl()).path(apiBase).path(path);
        if (query != null) {
            query.forEach((name, value) -> {
                if (value != null) {
                    builder.queryParam(name, value);
                }
            });
        }
        return builder.build().encode().toUri();
    }

    static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    // ------------------------------------------------------------------ JSON calls

    /** Sends a JSON call and returns the parsed answer (a missing node for 204); {@code auth} null sends none. */
    JsonNode send(Credentials auth, HttpMethod method, URI uri, Object body) {
        String payload = body == null ? null : json.writeValueAsString(body);
        String answer = withRetry(method + " " + uri.getPath(), () -> exchangeJson(auth, method, uri, payload));
        return answer == null || answer.isEmpty() ? json.missingNode() : json.readTree(answer);
    }

    /** The {@code entry} of a single-entity answer, as {@code type}. */
    <T> T entry(Credentials auth, HttpMethod method, URI uri, Object body, Class<T> type) {
        JsonNode answer = send(auth, method, uri, body);
        return json.treeToValue(answer.path("entry"), type);
    }

    /** {@code GET /nodes/{id}} with the given {@code include} (an id already checked by {@link Ids}). */
    Rest.Node node(Credentials auth, String id, String include) {
        return entry(
                auth, HttpMethod.GET, uri(CORE, "/nodes/" + id, params("include", include)), null, Rest.Node.class);
    }

    <T> T convert(JsonNode node, Class<T> type) {
        return json.treeToValue(node, type);
    }

    /**
     * Every entry of a paged list, following {@code hasMoreItems} to the end.
     *
     * @param pageUri builds the URI of the page that starts at {@code skipCount}
     */
    <T> List<T> list(Credentials auth, Function<Integer, URI> pageUri, Class<T> type) {
        List<T> all = new ArrayList<>();
        int skip = 0;
        while (true) {
            JsonNode list =
                    send(auth, HttpMethod.GET, pageUri.apply(skip), null).path("list");
            for (JsonNode entry : list.path("entries")) {
                all.add(json.treeToValue(entry.path("entry"), type));
            }
            Rest.Pagination pagination = json.treeToValue(list.path("pagination"), Rest.Pagination.class);
            if (pagination == null || !pagination.hasMoreItems() || pagination.count() == 0) {
                return all;
            }
            skip += (int) pagination.count();
        }
    }

    private String exchangeJson(Credentials auth, HttpMethod method, URI uri, String payload) {
        requests.incrementAndGet();
        RestClient.RequestBodySpec spec = http.method(method).uri(uri).accept(MediaType.APPLICATION_JSON);
        if (auth != null) {
            spec.header(HttpHeaders.AUTHORIZATION, auth.authorization());
        }
        if (payload != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(payload);
        }
        return spec.exchange((request, response) -> {
            String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = response.getStatusCode().value();
            if (status >= 400) {
                throw error(status, text, method + " " + uri.getPath());
            }
            return text;
        });
    }

    // ------------------------------------------------------------------ streams

    /**
     * Sends a body written by {@code writer} straight to the connection (chunked, never buffered whole), and
     * returns the parsed JSON answer. Not retried: the source stream cannot be read twice.
     */
    JsonNode stream(
            Credentials auth,
            HttpMethod method,
            URI uri,
            MediaType contentType,
            StreamingHttpOutputMessage.Body writer) {
        requests.incrementAndGet();
        try {
            String answer = http.method(method)
                    .uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, auth.authorization())
                    .accept(MediaType.APPLICATION_JSON)
                    .contentType(contentType)
                    .body(writer)
                    .exchange((request, response) -> {
                        String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        int status = response.getStatusCode().value();
                        if (status >= 400) {
                            throw error(status, text, method + " " + uri.getPath());
                        }
                        return text;
                    });
            return answer == null || answer.isEmpty() ? json.missingNode() : json.readTree(answer);
        } catch (ResourceAccessException e) {
            throw new PlatformException("Alfresco unreachable: " + method + " " + uri.getPath(), e);
        }
    }

    /** Opens a binary answer; the caller reads and closes the stream, which closes the response. */
    Download download(Credentials auth, URI uri) {
        return withRetry("GET " + uri.getPath(), () -> {
            requests.incrementAndGet();
            return http.get()
                    .uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, auth.authorization())
                    .exchange(
                            (request, response) -> {
                                int status = response.getStatusCode().value();
                                if (status >= 400) {
                                    try (response) {
                                        String text =
                                                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                                        throw error(status, text, "GET " + uri.getPath());
                                    }
                                }
                                MediaType type = response.getHeaders().getContentType();
                                long length = response.getHeaders().getContentLength();
                                return new Download(
                                        type == null ? "application/octet-stream" : type.toString(),
                                        length,
                                        new ResponseStream(response));
                            },
                            false);
        });
    }

    /** A streamed binary answer. {@code length} is -1 when the server did not say. */
    record Download(String mimeType, long length, InputStream stream) {}

    private static final class ResponseStream extends FilterInputStream {
        private final ClientHttpResponse response;

        ResponseStream(ClientHttpResponse response) throws IOException {
            super(response.getBody());
            this.response = response;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                response.close();
            }
        }
    }

    // ------------------------------------------------------------------ errors and retries

    /** Thrown inside an exchange for a 5xx answer, so that the retry loop sees it. */
    static final class ServerError extends PlatformException {
        ServerError(String message) {
            super(message);
        }
    }

    /**
     * A 401: the credentials (typically an ended ticket) were refused, which is not a hidden node; the user must
     * sign in again.
     */
    static final class Unauthorized extends SignInRequiredException {
        Unauthorized(String message) {
            super(message);
        }
    }

    /** The exception for an error answer (for tests of the mapping). */
    PlatformException errorFor(int status, String body, String what) {
        return error(status, body, what);
    }

    private PlatformException error(int status, String body, String what) {
        Rest.Error error = null;
        try {
            JsonNode node = json.readTree(body).path("error");
            if (!node.isMissingNode()) {
                error = json.treeToValue(node, Rest.Error.class);
            }
        } catch (RuntimeException notJson) {
            // an error page from a proxy, not Alfresco's error body
        }
        String summary = error == null || error.briefSummary() == null ? abbreviate(body) : error.briefSummary();
        String message = what + " -> " + status
                + (error != null && error.errorKey() != null ? " " + error.errorKey() : "") + ": " + summary
                + (error != null && error.logId() != null ? " (logId " + error.logId() + ")" : "");
        if (status == 400
                && (message.contains("Unknown property") || message.contains("is not mapped to a namespace URI"))) {
            // a property no installed model declares (or the lk model not installed at all): the engine's error
            return new UndeclaredPropertyException(message);
        }
        return switch (status) {
            case 404 -> new NotFoundException(message);
            case 401 -> new Unauthorized(message);
            case 403 -> new AccessDeniedException(message);
            case 409 -> new AlreadyExistsException(message);
            default -> status >= 500 ? new ServerError(message) : new PlatformException(message);
        };
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    interface Call<T> {
        T run();
    }

    <T> T withRetry(String what, Call<T> call) {
        AlfrescoSettings.RetryPolicy policy = settings.retry();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (ServerError | ResourceAccessException e) {
                if (attempt >= policy.maxAttempts()) {
                    if (e instanceof ServerError serverError) {
                        throw serverError;
                    }
                    throw new PlatformException("Alfresco unreachable after " + attempt + " attempts: " + what, e);
                }
                long pause = policy.backoff(attempt).toMillis();
                LOG.warn(
                        "{} failed (attempt {}/{}), retrying in {} ms: {}",
                        what,
                        attempt,
                        policy.maxAttempts(),
                        pause,
                        e.getMessage());
                sleep(pause);
            } catch (UncheckedIOException e) {
                throw new PlatformException("I/O error: " + what, e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while waiting to retry", e);
        }
    }
}
