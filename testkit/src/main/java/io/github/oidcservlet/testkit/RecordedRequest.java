package io.github.oidcservlet.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the provider received it, for assertions.
 *
 * @param endpoint    the endpoint name ({@code "authorize"}, {@code "token"}, ...)
 * @param method      the HTTP method
 * @param path        the request path
 * @param queryParams the decoded query parameters
 * @param formParams  the decoded {@code application/x-www-form-urlencoded} body parameters
 * @param headers     the headers; the map's keys are case-insensitive
 * @param receivedAt  when the provider received it
 */
public record RecordedRequest(String endpoint, String method, String path, Map<String, List<String>> queryParams,
        Map<String, List<String>> formParams, Map<String, List<String>> headers, Instant receivedAt) {

    /**
     * A request as received; the maps are copied.
     *
     * @param endpoint    the endpoint name
     * @param method      the HTTP method
     * @param path        the request path
     * @param queryParams the decoded query parameters
     * @param formParams  the decoded form parameters
     * @param headers     the headers
     * @param receivedAt  when the provider received it
     */
    public RecordedRequest {
        queryParams = Map.copyOf(queryParams);
        formParams = Map.copyOf(formParams);
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(caseInsensitive);
    }

    /**
     * The first value of a query parameter, or {@code null}.
     *
     * @param name the name
     * @return the first value, or null
     */
    public String query(String name) {
        return first(queryParams, name);
    }

    /**
     * The first value of a form parameter, or {@code null}.
     *
     * @param name the name
     * @return the first value, or null
     */
    public String form(String name) {
        return first(formParams, name);
    }

    /**
     * The first value of a parameter from the query, else from the form body, or {@code null}.
     *
     * @param name the name
     * @return the first value, or null
     */
    public String param(String name) {
        String fromQuery = query(name);
        return fromQuery != null ? fromQuery : form(name);
    }

    /**
     * The first value of a header (name case-insensitive), or {@code null}.
     *
     * @param name the name
     * @return the first value, or null
     */
    public String header(String name) {
        return first(headers, name);
    }

    private static String first(Map<String, List<String>> map, String name) {
        List<String> values = map.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
