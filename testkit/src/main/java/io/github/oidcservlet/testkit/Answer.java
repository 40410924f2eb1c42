package io.github.oidcservlet.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an endpoint answers, before the Jetty handler writes it. */
record Answer(int status, String contentType, Map<String, String> headers, String body) {

    Answer {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    static Answer of(int status, String contentType, String body) {
        return new Answer(status, contentType, Map.of(), body);
    }

    static Answer json(int status, String json) {
        return of(status, "application/json", json);
    }

    static Answer html(int status, String title, String bodyHtml) {
        return of(status, "text/html;charset=utf-8", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
                + escape(title) + "</title></head><body><h1>" + escape(title) + "</h1>" + bodyHtml + "</body></html>");
    }

    static Answer redirect(String location) {
        return new Answer(302, null, Map.of("Location", location), "");
    }

    static Answer empty(int status) {
        return of(status, null, "");
    }

    Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, contentType, more, body);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
