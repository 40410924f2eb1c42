package io.github.oidcservlet.testkit;

/** {@code /logout}: RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2, §3). */
final class EndSessionEndpoint implements Endpoint {

    @Override
    public String name() {
        return "end_session";
    }

    @Override
    public Answer handle(RecordedRequest request) {
        String target = request.param("post_logout_redirect_uri");
        if (target == null) {
            return Answer.html(200, "Signed out", "<p>You are signed out of the test provider.</p>");
        }
        String state = request.param("state");
        // §3: state is passed back to the RP unchanged when the RP sent one.
        return Answer.redirect(state == null ? target : Redirects.withParams(target, "state", state));
    }
}
