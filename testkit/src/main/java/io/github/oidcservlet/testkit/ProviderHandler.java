package io.github.oidcservlet.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The Jetty side: turns each request into a {@link RecordedRequest}, records it, lets the endpoint answer and
 * writes the {@link Answer}. Blocking on purpose: endpoints may sleep, and form bodies are read synchronously.
 */
final class ProviderHandler extends Handler.Abstract {

    private final Map<String, Endpoint> byPath;
    private final ProviderContext context;

    ProviderHandler(Map<String, Endpoint> byPath, ProviderContext context) {
        super(InvocationType.BLOCKING);
        this.byPath = Map.copyOf(byPath);
        this.context = context;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Endpoint endpoint = byPath.get(Request.getPathInContext(request));
        if (endpoint == null) {
            return false;
        }
        Answer answer;
        try {
            RecordedRequest recorded = record(endpoint.name(), request);
            context.log.add(recorded);
            // A distant provider: every answer waits the round trip (ProviderBehaviour#answerDelay).
            ProviderBehaviour.RawResponse raw = context.behaviour.rawAnswer(endpoint.name());
            if (!context.pause(context.behaviour.answerDelay())) {
                answer = Answer.empty(503);
            } else {
                answer = raw != null ? Answer.of(raw.status(), raw.contentType(), raw.body()) : endpoint.handle(recorded);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = Answer.empty(503);
        } catch (RuntimeException e) {
            // Shown to the test that made the call rather than lost in a server log.
            answer = Answer.of(500, "text/plain;charset=utf-8", "test provider failure: " + e);
        }
        write(answer, response, callback);
        return true;
    }

    private static RecordedRequest record(String endpointName, Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        Map<String, List<String>> form = contentType != null
                && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")
                ? toMap(FormFields.getFields(request)) : Map.of();
        return new RecordedRequest(endpointName, request.getMethod(), request.getHttpURI().getPath(),
                toMap(Request.extractQueryParameters(request)), form, headers,
                Instant.ofEpochMilli(Request.getTimeStamp(request)));
    }

    private static Map<String, List<String>> toMap(Fields fields) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Fields.Field field : fields) {
            map.put(field.getName(), List.copyOf(field.getValues()));
        }
        return map;
    }

    private static void write(Answer answer, Response response, Callback callback) {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        }
        answer.headers().forEach(response.getHeaders()::put);
        Content.Sink.write(response, true, answer.body(), callback);
    }
}
