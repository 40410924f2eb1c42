package io.github.oidcservlet.core.internal.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Locale;
import java.util.Optional;

/** A provider's answer: status, media type and body text. */
public record HttpResult(int status, String contentType, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@return the body as a JSON object, whatever its media type; null when it is none} */
    public JsonNode jsonObject() {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

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
