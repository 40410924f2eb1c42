package io.github.oidcservlet.testkit;

/** {@code /jwks}: the current public keys (RFC 7517 §5). */
final class JwksEndpoint implements Endpoint {

    private final ProviderContext context;

    JwksEndpoint(ProviderContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "jwks";
    }

    @Override
    public Answer handle(RecordedRequest request) {
        boolean omitKid = context.behaviour.omitKid();
        return Answer.json(200, context.keys.get().publicJwkSet(omitKid).toString());
    }
}
