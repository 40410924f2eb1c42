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
 */
final class LoginLoop {

    private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\"");
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    private LoginLoop() {
    }

    /** Logs in "alice" from a browser without a session and returns the protected page's answer (200). */
    static HttpResponse<String> login(TestBrowser browser, String base) {
        HttpResponse<String> form = browser.follow(browser.get(base + "/profile", "Accept", "text/html"), 10);
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
        HttpResponse<String> landed = browser.follow(browser.post(target.toString(), fields), 10);
        if (landed.statusCode() != 200) {
            throw new IllegalStateException("login ended with " + landed.statusCode() + " at " + landed.uri());
        }
        return landed;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
