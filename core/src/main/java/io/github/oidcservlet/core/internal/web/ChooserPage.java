package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.web.HttpBinding;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * The login chooser: with several registrations and nothing in the request that picks one, a browser gets this
 * small page, styled like the error pages, with one link per registration (its {@code display-name}) to the login
 * path, which starts the login and comes back to the page first asked for. Accessible (a language, a heading, a
 * labelled list of links whose text says where they lead); every configured or requested value is escaped.
 */
public final class ChooserPage {

    private static final String STYLE = ".providers{list-style:none;padding:0}.providers a{display:block;"
            + "margin:.5rem 0;padding:.6rem 1rem;border:1px solid #555;border-radius:.3rem;color:inherit;"
            + "text-decoration:none}.providers a:hover,.providers a:focus{background:#f3f3f3}";

    private ChooserPage() {
    }

    /**
     * Answers with the chooser.
     *
     * @param status   200 when the user must choose, 400 when the request named no registration there is
     * @param choices  the registrations, in the order of {@code providers}
     * @param loginUrl the login URL of a registration's name
     * @param notice   a sentence shown above the choices, or null
     * @param homeUrl  the application's root
     */
    public static <R> void send(HttpBinding<?, R> http, R response, int status, List<OidcConfig> choices,
                                Function<String, String> loginUrl, String notice, String homeUrl) throws IOException {
        if (http.isCommitted(response)) {
            return;
        }
        http.resetBuffer(response);
        http.status(response, status);
        http.header(response, "Cache-Control", "no-store");
        http.header(response, "X-Content-Type-Options", "nosniff");
        ErrorPages.html(http, response, html(choices, loginUrl, notice, homeUrl));
    }

    static String html(List<OidcConfig> choices, Function<String, String> loginUrl, String notice, String homeUrl) {
        StringBuilder page = ErrorPages.head("Log in", STYLE).append("<main>\n<h1>Log in</h1>\n");
        if (notice != null) {
            page.append("<p role=\"alert\">").append(ErrorPages.escape(notice)).append("</p>\n");
        }
        page.append("<p id=\"choose\">Choose how you want to log in:</p>\n<ul class=\"providers\" "
                + "aria-labelledby=\"choose\">\n");
        for (OidcConfig choice : choices) {
            page.append("<li><a href=\"").append(ErrorPages.escape(loginUrl.apply(choice.registration())))
                    .append("\">Log in with ").append(ErrorPages.escape(choice.displayName())).append("</a></li>\n");
        }
        return page.append("</ul>\n<p><a href=\"").append(ErrorPages.escape(homeUrl))
                .append("\">Back to the application</a></p>\n</main></body></html>\n").toString();
    }
}
