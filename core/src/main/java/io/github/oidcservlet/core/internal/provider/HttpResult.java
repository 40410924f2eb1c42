package io.github.oidcservlet.core.internal.provider;

import java.util.Locale;
import java.util.Optional;

/** A provider's answer: status, media type and body text. */
public record HttpResult(int status, String contentType, String body) {

    /** True for a {@code application/json} (or {@code +json}) body. */
    public boolean isJson() {
        String type = mediaType();
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** The media type without parameters, lower case; empty when absent. */
    public String mediaType() {
        String type = contentType == null ? "" : contentType;
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    public Optional<String> contentTypeHeader() {
        return Optional.ofNullable(contentType);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        // the body may hold tokens: never print it
        return "HttpResult[status=" + status + ", contentType=" + contentType + ", " + body.length() + " chars]";
    }
}
