package io.github.oidcservlet.benchmarks;

import io.github.oidcservlet.testkit.TestBrowser;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One login as a browser does it against the test provider's interactive login: the protected page, the redirects
 * to the provider's form, the form submitted with a username, the redirects back through the callback to the page.
 * Each hop is timed and told apart: to the provider (its form, the form submitted), the app's callback (which waits
 * for the app's own calls to the provider), and the app's other hops (the protected page before and after).
 */
final class LoginLoop {

    /** Where one login's time went, in nanoseconds. */
    record Hops(long provider, long callback, long app) {
        long total() {
            return provider + callback + app;
        }
    }

    private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\"");
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
    private static final int MAX_REDIRECTS = 10;

    private final TestBrowser browser;
    private final String base;
    private long provider;
    private long callback;
    private long app;

    private LoginLoop(TestBrowser browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    /** Logs in "alice" from the browser's current cookies (none: a new visitor) and times every hop. */
    static Hops login(TestBrowser browser, String base) {
        return new LoginLoop(browser, base).run();
    }

    private Hops run() {
        URI page = URI.create(base + "/profile");
        HttpResponse<String> form = follow(timed(page, () -> browser.get(page.toString(), "Accept", "text/html")));
        Matcher action = ACTION.matcher(form.body());
        if (form.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no login form: " + form.statusCode() + " " + form.uri());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(form.body());
        while (hidden.find()) {
            fields.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        fields.put("username", "alice");
        URI target = form.uri().resolve(unescape(action.group(1)));
        HttpResponse<String> landed = follow(timed(target, () -> browser.post(target.toString(), fields)));
        if (landed.statusCode() != 200 || !landed.uri().equals(page)) {
            throw new IllegalStateException("login ended with " + landed.statusCode() + " at " + landed.uri());
        }
        return new Hops(provider, callback, app);
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < MAX_REDIRECTS && current.statusCode() / 100 == 3; hops++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            current = timed(next, () -> browser.get(next.toString()));
        }
        return current;
    }

    private HttpResponse<String> timed(URI uri, java.util.function.Supplier<HttpResponse<String>> hop) {
        long started = System.nanoTime();
        HttpResponse<String> response = hop.get();
        long took = System.nanoTime() - started;
        if (!uri.toString().startsWith(base)) {
            provider += took;
        } else if (uri.getRawQuery() != null && uri.getRawQuery().contains("code=")) {
            callback += took;
        } else {
            app += took;
        }
        return response;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
