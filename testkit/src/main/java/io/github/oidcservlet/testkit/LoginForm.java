package io.github.oidcservlet.testkit;

import java.util.List;
import java.util.Map;

/** The interactive login page: a username field and a submit button that POST back the authorization request. */
final class LoginForm {

    static final String USERNAME = "username";

    private LoginForm() {
    }

    static Answer render(String action, RecordedRequest request) {
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"").append(Answer.escape(action))
                .append("\">");
        // The original parameters ride along, so the POST is a complete authorization request (OIDC Core 3.1.2.1).
        for (Map<String, List<String>> params : List.of(request.queryParams(), request.formParams())) {
            params.forEach((name, values) -> {
                if (!USERNAME.equals(name)) {
                    values.forEach(value -> form.append("<input type=\"hidden\" name=\"").append(Answer.escape(name))
                            .append("\" value=\"").append(Answer.escape(value)).append("\">"));
                }
            });
        }
        form.append("<label for=\"username\">Username</label> ")
                .append("<input id=\"username\" name=\"username\" type=\"text\" autofocus> ")
                .append("<button id=\"submit\" type=\"submit\">Sign in</button></form>");
        return Answer.html(200, "Sign in to the test provider", form.toString());
    }
}
