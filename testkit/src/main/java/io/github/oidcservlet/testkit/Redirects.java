package io.github.oidcservlet.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Appends query parameters to a redirect URI that may already carry a query (RFC 6749 §3.1.2: it must be kept). */
final class Redirects {

    private Redirects() {
    }

    /** @param namesAndValues name, value, name, value...; pairs whose value is {@code null} are left out */
    static String withParams(String uri, String... namesAndValues) {
        StringBuilder out = new StringBuilder(uri);
        char separator = uri.indexOf('?') >= 0 ? '&' : '?';
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                out.append(separator).append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
                separator = '&';
            }
        }
        return out.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
